import { useEffect, useState } from "react"
import { Badge, Button, Container, Copy, Heading, Input, Text, toast, usePrompt } from "@medusajs/ui"
import { Field } from "../field"
import { CredentialFields, credentialsFrom, gatewayUrlOf, type Credentials } from "./credential-fields"
import { useConnect, useDisconnect, useSaveSettings } from "../../hooks/settings"
import { toastError } from "../../lib/errors"
import { daysUntil, formatDateTime } from "../../lib/format"
import type { Settings } from "../../lib/types"

export { LIVE_GATEWAY } from "./credential-fields"
/** The backend route AliExpress sends the seller back to (src/api/admin/aliexpress/oauth/callback). */
export const OAUTH_CALLBACK_PATH = "/admin/aliexpress/oauth/callback"

/** The account's name, app credentials and the OAuth round trip that connects the seller account. */
export const ConnectionSection = ({ settings }: { settings: Settings | null }) => {
  const [name, setName] = useState("")
  const [credentials, setCredentials] = useState<Credentials>(credentialsFrom(null))
  const save = useSaveSettings()
  const { connect, isPending: connecting } = useConnect()
  const disconnect = useDisconnect()
  const prompt = usePrompt()

  // Switching accounts swaps the whole form, secret included.
  useEffect(() => {
    setName(settings?.name ?? "")
    setCredentials(credentialsFrom(settings))
  }, [settings?.id, settings?.name, settings?.gateway_url, settings?.app_key])

  const gatewayUrl = gatewayUrlOf(credentials)
  const appKey = credentials.appKey.trim()

  const saveCredentials = async () => {
    const body: Record<string, unknown> = { gateway_url: gatewayUrl, app_key: appKey }
    if (name.trim()) {
      body.name = name.trim()
    }
    if (credentials.appSecret) {
      body.app_secret = credentials.appSecret
    }
    await save.mutateAsync(body)
    setCredentials((c) => ({ ...c, appSecret: "" }))
  }

  const onSave = async () => {
    try {
      await saveCredentials()
      toast.success("Credentials saved")
    } catch (e) {
      toastError(e)
    }
  }

  const onConnect = async () => {
    try {
      const changed =
        !settings || settings.gateway_url !== gatewayUrl || settings.app_key !== appKey || !!credentials.appSecret || (!!name.trim() && name.trim() !== settings.name)
      if (changed) {
        await saveCredentials()
      }
      await connect()
    } catch (e) {
      toastError(e)
    }
  }

  const onDisconnect = async () => {
    const ok = await prompt({
      title: "Disconnect AliExpress?",
      description: "Listings and orders stop syncing until you connect again. Nothing is deleted.",
      confirmText: "Disconnect",
      cancelText: "Cancel",
    })
    if (!ok) {
      return
    }
    try {
      await disconnect.mutateAsync()
      toast.success("AliExpress disconnected")
    } catch (e) {
      toastError(e)
    }
  }

  // The admin is served by the Medusa backend, so this origin is the one the callback is built from.
  const callbackUrl = `${window.location.origin}${OAUTH_CALLBACK_PATH}`
  const expires = daysUntil(settings?.refresh_token_expires_at)
  const canConnect = !!gatewayUrl && !!appKey && (!!credentials.appSecret || !!settings?.has_app_secret)

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Connection</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Your AliExpress Open Platform app and the seller account it acts for.
          </Text>
        </div>
        <ConnectionBadge settings={settings} />
      </div>
      <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
        <Field id="ae-account-name" label="Account name" help="How this seller account is called in the account switcher and lists.">
          <Input id="ae-account-name" name="name" value={name} placeholder="Main store" onChange={(e) => setName(e.target.value)} data-testid="account-name" />
        </Field>
        <div />
        <CredentialFields
          value={credentials}
          onChange={setCredentials}
          secretHelp={settings?.has_app_secret ? `Stored (${settings.app_secret}). Leave empty to keep it.` : undefined}
          secretPlaceholder={settings?.app_secret ?? ""}
        />
        <div className="md:col-span-2">
          <Field
            id="ae-callback-url"
            label="Callback URL"
            help="Register this URL as your app's callback URL in the AliExpress Open Platform console; AliExpress refuses to connect an app from any other."
          >
            <div className="flex items-center gap-x-2">
              <div className="flex-1">
                <Input id="ae-callback-url" name="callback_url" value={callbackUrl} readOnly data-testid="callback-url" />
              </div>
              <Copy content={callbackUrl} />
            </div>
          </Field>
        </div>
      </div>
      {settings?.is_connected && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle" data-testid="token-expiry">
            Access token valid until {formatDateTime(settings.access_token_expires_at)}; authorization
            {expires !== null ? ` expires in ${Math.max(expires, 0)} day${expires === 1 ? "" : "s"}` : " has no known expiry"}.
          </Text>
        </div>
      )}
      <div className="flex items-center justify-end gap-x-2 px-6 py-4">
        {settings?.is_connected && (
          <Button variant="danger" size="small" onClick={onDisconnect} isLoading={disconnect.isPending}>
            Disconnect
          </Button>
        )}
        <Button variant="secondary" size="small" onClick={onSave} isLoading={save.isPending} disabled={!gatewayUrl || !appKey}>
          Save credentials
        </Button>
        <Button size="small" onClick={onConnect} isLoading={connecting} disabled={!canConnect} data-testid="connect-button">
          {settings?.is_connected ? "Reconnect with AliExpress" : "Connect with AliExpress"}
        </Button>
      </div>
    </Container>
  )
}

const ConnectionBadge = ({ settings }: { settings: Settings | null }) =>
  settings?.is_connected ? (
    <Badge color="green" data-testid="connection-status">
      Connected{settings.seller_nick ? ` as ${settings.seller_nick}` : ""}
    </Badge>
  ) : settings?.status === "reconnect_needed" ? (
    <Badge color="red" data-testid="connection-status">
      Reconnect needed
    </Badge>
  ) : (
    <Badge color="grey" data-testid="connection-status">
      Not connected
    </Badge>
  )
