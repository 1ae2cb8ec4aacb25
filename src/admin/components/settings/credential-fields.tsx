import { Input, Select } from "@medusajs/ui"
import { Field } from "../field"

export const LIVE_GATEWAY = "https://api-sg.aliexpress.com"

/** An AliExpress Open Platform app as the forms edit it; the secret is only ever typed, never read back. */
export type Credentials = { mode: "live" | "custom"; gateway: string; appKey: string; appSecret: string }

export const credentialsFrom = (account?: { gateway_url: string; app_key: string } | null): Credentials => ({
  mode: !account || account.gateway_url === LIVE_GATEWAY ? "live" : "custom",
  gateway: !account || account.gateway_url === LIVE_GATEWAY ? "" : account.gateway_url,
  appKey: account?.app_key ?? "",
  appSecret: "",
})

export const gatewayUrlOf = (c: Credentials) => (c.mode === "live" ? LIVE_GATEWAY : c.gateway.trim())

/**
 * Gateway, app key and app secret: the fields of the settings' Connection section and of the
 * "Add account" form. `idPrefix` keeps the ids apart when both forms could be on one page.
 */
export const CredentialFields = ({
  value,
  onChange,
  idPrefix = "ae",
  modeTestId = "gateway-mode",
  secretHelp = "Stored encrypted; never shown again.",
  secretPlaceholder = "",
}: {
  value: Credentials
  onChange: (next: Credentials) => void
  idPrefix?: string
  modeTestId?: string
  secretHelp?: string
  secretPlaceholder?: string
}) => {
  const set = (patch: Partial<Credentials>) => onChange({ ...value, ...patch })
  return (
    <>
      <Field id={`${idPrefix}-gateway-mode`} label="Gateway" required help="Live AliExpress, or the sandbox URL for a rehearsal.">
        <Select value={value.mode} onValueChange={(v) => set({ mode: v as Credentials["mode"] })}>
          <Select.Trigger id={`${idPrefix}-gateway-mode`} data-testid={modeTestId}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="live">AliExpress live (api-sg.aliexpress.com)</Select.Item>
            <Select.Item value="custom">Sandbox or other URL</Select.Item>
          </Select.Content>
        </Select>
      </Field>
      {value.mode === "custom" ? (
        <Field id={`${idPrefix}-gateway-url`} label="Gateway URL" required help="For example http://127.0.0.1:9100 for the local sandbox.">
          <Input
            id={`${idPrefix}-gateway-url`}
            name="gateway_url"
            value={value.gateway}
            placeholder="http://127.0.0.1:9100"
            onChange={(e) => set({ gateway: e.target.value })}
          />
        </Field>
      ) : (
        <div />
      )}
      <Field id={`${idPrefix}-app-key`} label="App key" required help="From your app in the AliExpress Open Platform console.">
        <Input id={`${idPrefix}-app-key`} name="app_key" value={value.appKey} onChange={(e) => set({ appKey: e.target.value })} />
      </Field>
      <Field id={`${idPrefix}-app-secret`} label="App secret" required help={secretHelp}>
        <Input
          id={`${idPrefix}-app-secret`}
          name="app_secret"
          type="password"
          autoComplete="off"
          value={value.appSecret}
          placeholder={secretPlaceholder}
          onChange={(e) => set({ appSecret: e.target.value })}
        />
      </Field>
    </>
  )
}
