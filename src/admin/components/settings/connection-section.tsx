import { useEffect, useState } from "react"
import { Badge, Button, Container, Copy, Heading, Input, Select, Text, toast, usePrompt } from "@medusajs/ui"
import { Field } from "../field"
import { useDisconnect, useSaveSettings, useStartOAuth } from "../../hooks/settings"
import { toastError } from "../../lib/errors"
import { daysUntil, formatDateTime } from "../../lib/format"
import type { Settings } from "../../lib/types"

export const LIVE_GATEWAY = "https://api-sg.aliexpress.com"
/** The backend route AliExpress sends the seller back to (src/api/admin/aliexpress/oauth/callback). */
const OAUTH_CALLBACK_PATH = "/admin/aliexpress/oauth/callback"

/** App credentials and the OAuth round trip that connects the seller account. */
export const ConnectionSection = ({ settings }: { settings: Settings | null }) => {
  const [mode, setMode] = useState<"live" | "custom">("live")
  const [gateway, setGateway] = useState("")
  const [appKey, setAppKey] = useState("")
  const [appSecret, setAppSecret] = useState("")
  const save = useSaveSettings()
  const start = useStartOAuth()
  const disconnect = useDisconnect()
  const prompt = usePrompt()

  useEffect(() => {
    if (settings) {
      setMode(settings.gateway_url === LIVE_GATEWAY ? "live" : "custom")
      setGateway(settings.gateway_url === LIVE_GATEWAY ? "" : settings.gateway_url)
      setAppKey(settings.app_key)
    }
  }, [settings?.gateway_url, settings?.app_key])

  const gatewayUrl = mode === "live" ? LIVE_GATEWAY : gateway.trim()

  const onSave = async () => {
    const body: Record<string, unknown> = { gateway_url: gatewayUrl, app_key: appKey.trim() }
    if (appSecret) {
      body.app_secret = appSecret
    }
    try {
      await save.mutateAsync(body)
      setAppSecret("")
      toast.success("Credentials saved")
    } catch (e) {
      toastError(e)
    }
  }

  const onConnect = async () => {
    try {
      if (!settings || settings.gateway_url !== gatewayUrl || settings.app_key !== appKey.trim() || appSecret) {
        await onSave()
      }
      const { authorize_url } = await start.mutateAsync()
      window.location.assign(authorize_url)
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
  const canConnect = !!gatewayUrl && !!appKey.trim() && (!!appSecret || !!settings?.has_app_secret)

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Connection</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Your AliExpress Open Platform app and the seller account it acts for.
          </Text>
        </div>
        {settings?.is_connected ? (
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
        )}
      </div>
      <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
        <Field id="ae-gateway-mode" label="Gateway" required help="Live AliExpress, or the sandbox URL for a rehearsal.">
          <Select value={mode} onValueChange={(v) => setMode(v as "live" | "custom")}>
            <Select.Trigger id="ae-gateway-mode" data-testid="gateway-mode">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="live">AliExpress live (api-sg.aliexpress.com)</Select.Item>
              <Select.Item value="custom">Sandbox or other URL</Select.Item>
            </Select.Content>
          </Select>
        </Field>
        {mode === "custom" ? (
          <Field id="ae-gateway-url" label="Gateway URL" required help="For example http://127.0.0.1:9100 for the local sandbox.">
            <Input
              id="ae-gateway-url"
              name="gateway_url"
              value={gateway}
              placeholder="http://127.0.0.1:9100"
              onChange={(e) => setGateway(e.target.value)}
            />
          </Field>
        ) : (
          <div />
        )}
        <Field id="ae-app-key" label="App key" required help="From your app in the AliExpress Open Platform console.">
          <Input id="ae-app-key" name="app_key" value={appKey} onChange={(e) => setAppKey(e.target.value)} />
        </Field>
        <Field
          id="ae-app-secret"
          label="App secret"
          required
          help={settings?.has_app_secret ? `Stored (${settings.app_secret}). Leave empty to keep it.` : "Stored encrypted; never shown again."}
        >
          <Input
            id="ae-app-secret"
            name="app_secret"
            type="password"
            autoComplete="off"
            value={appSecret}
            placeholder={settings?.app_secret ?? ""}
            onChange={(e) => setAppSecret(e.target.value)}
          />
        </Field>
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
        <Button variant="secondary" size="small" onClick={onSave} isLoading={save.isPending} disabled={!gatewayUrl || !appKey.trim()}>
          Save credentials
        </Button>
        <Button size="small" onClick={onConnect} isLoading={start.isPending} disabled={!canConnect} data-testid="connect-button">
          {settings?.is_connected ? "Reconnect with AliExpress" : "Connect with AliExpress"}
        </Button>
      </div>
    </Container>
  )
}
