import { useState } from "react"
import { Button, Drawer, Input, Select, Text, toast } from "@medusajs/ui"
import { Field } from "../field"
import { CredentialFields, credentialsFrom, gatewayUrlOf, type Credentials } from "../settings/credential-fields"
import { useAccounts, useCreateAccount } from "../../hooks/accounts"
import { useSalesChannels } from "../../hooks/medusa"
import { useConnect } from "../../hooks/settings"
import { toastError } from "../../lib/errors"
import type { Settings } from "../../lib/types"

/** The sales channel select's value for "make a new channel for this account". */
const NEW_CHANNEL = "new"

const ConnectStep = ({ account, onClose }: { account: Settings; onClose: () => void }) => {
  const { connect, isPending } = useConnect()
  const onConnect = async () => {
    try {
      await connect(account.id)
    } catch (e) {
      toastError(e)
    }
  }
  return (
    <>
      <Drawer.Body className="flex flex-col gap-y-2" data-testid="add-account-saved">
        <Text weight="plus">{account.name} is saved.</Text>
        <Text size="small" className="text-ui-fg-subtle">
          Connect it now: AliExpress asks the seller to approve your app, then sends you back to this account's settings.
          You can also connect it later from its settings.
        </Text>
      </Drawer.Body>
      <Drawer.Footer>
        <Button size="small" variant="secondary" onClick={onClose}>
          Later
        </Button>
        <Button size="small" onClick={onConnect} isLoading={isPending} data-testid="add-account-connect">
          Connect with AliExpress
        </Button>
      </Drawer.Footer>
    </>
  )
}

const AccountForm = ({ onSaved, onClose }: { onSaved: (account: Settings) => void; onClose: () => void }) => {
  const [name, setName] = useState("")
  const [credentials, setCredentials] = useState<Credentials>(credentialsFrom(null))
  const [channel, setChannel] = useState(NEW_CHANNEL)
  const channels = useSalesChannels()
  const create = useCreateAccount()
  // The store's first account gets the plain "AliExpress" channel; the next ones one named after them.
  const hasAccounts = !!useAccounts().data?.accounts.length
  const newChannelName = hasAccounts ? `AliExpress - ${name.trim() || "<account name>"}` : "AliExpress"

  const gatewayUrl = gatewayUrlOf(credentials)
  const complete = !!name.trim() && !!gatewayUrl && !!credentials.appKey.trim() && !!credentials.appSecret

  const onSave = async () => {
    try {
      const { account } = await create.mutateAsync({
        name: name.trim(),
        gateway_url: gatewayUrl,
        app_key: credentials.appKey.trim(),
        app_secret: credentials.appSecret,
        sales_channel_id: channel === NEW_CHANNEL ? null : channel,
      })
      toast.success("Account added", { description: account.name })
      onSaved(account)
    } catch (e) {
      toastError(e, "The account was not added")
    }
  }

  return (
    <>
      <Drawer.Body className="grid grid-cols-1 content-start gap-4 overflow-y-auto">
        <Field id="new-account-name" label="Account name" required help="How the account is called in the switcher and lists, e.g. the shop's name.">
          <Input id="new-account-name" name="name" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <CredentialFields value={credentials} onChange={setCredentials} idPrefix="new-account" modeTestId="new-account-gateway-mode" />
        <Field
          id="new-account-sales-channel"
          label="Sales channel"
          required
          help="Products in this channel are listed on this account; its orders land in it."
        >
          <Select value={channel} onValueChange={setChannel}>
            <Select.Trigger id="new-account-sales-channel" data-testid="new-account-sales-channel">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={NEW_CHANNEL}>New channel "{newChannelName}"</Select.Item>
              {(channels.data?.sales_channels ?? []).map((c: any) => (
                <Select.Item key={c.id} value={c.id}>
                  {c.name}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>
      </Drawer.Body>
      <Drawer.Footer>
        <Button size="small" variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button size="small" onClick={onSave} isLoading={create.isPending} disabled={!complete} data-testid="add-account-save">
          Save account
        </Button>
      </Drawer.Footer>
    </>
  )
}

/** "Add account": the new account's name, app credentials and sales channel, then its OAuth connection. */
export const AddAccountDrawer = ({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) => {
  const [saved, setSaved] = useState<Settings | null>(null)
  const close = () => {
    onOpenChange(false)
    setSaved(null)
  }
  return (
    <Drawer open={open} onOpenChange={(o) => (o ? onOpenChange(true) : close())}>
      <Drawer.Content data-testid="add-account-drawer">
        <Drawer.Header>
          <Drawer.Title>Add an AliExpress account</Drawer.Title>
        </Drawer.Header>
        {saved ? <ConnectStep account={saved} onClose={close} /> : <AccountForm onSaved={setSaved} onClose={close} />}
      </Drawer.Content>
    </Drawer>
  )
}
