import { useEffect, useRef } from "react"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Alert, Skeleton, toast } from "@medusajs/ui"
import { useSearchParams } from "react-router-dom"
import { AliExpressPage } from "../../../components/aliexpress-page"
import { ConnectionSection } from "../../../components/settings/connection-section"
import { RulesSection } from "../../../components/settings/rules-section"
import { CarrierSection } from "../../../components/settings/carrier-section"
import { ConnectionBanner } from "../../../components/connection-banner"
import { useSettings, takeOAuthAccount } from "../../../hooks/settings"
import { ACCOUNT_PARAM } from "../../../lib/account-path"

const SettingsPage = () => {
  const { data, isPending } = useSettings()
  const [params, setParams] = useSearchParams()
  const oauthError = params.get("error")
  // Read once: React's development mode runs effects twice, and the remembered account is taken on the first.
  const handled = useRef(false)

  // The OAuth callback lands here with its outcome in the query string, and names the account it
  // connected; if it does not, the account the round trip was started for is shown.
  useEffect(() => {
    const connected = params.get("connected") === "1"
    if ((!connected && !oauthError) || handled.current) {
      return
    }
    handled.current = true
    const accountId = params.get(ACCOUNT_PARAM) ?? takeOAuthAccount()
    if (connected) {
      toast.success("AliExpress connected", { description: "The seller account is linked; syncing can start." })
    } else {
      toast.error("AliExpress connection failed", { description: oauthError ?? undefined })
    }
    const next = new URLSearchParams(connected ? {} : { error: oauthError ?? "" })
    if (accountId) {
      next.set(ACCOUNT_PARAM, accountId)
    }
    setParams(next, { replace: true })
  }, [])

  const settings = data?.settings ?? null

  return (
    <AliExpressPage title="AliExpress settings" description="Connect your seller account and choose how products, stock, prices and shipments flow.">
      {oauthError && (
        <Alert variant="error" dismissible data-testid="oauth-error">
          The connection was not completed: {oauthError}
        </Alert>
      )}
      {settings && settings.status === "reconnect_needed" && <ConnectionBanner account={settings} />}
      {isPending ? (
        <Skeleton className="h-64 w-full" />
      ) : (
        <>
          <ConnectionSection settings={settings} />
          {settings && <RulesSection settings={settings} />}
          {settings && <CarrierSection settings={settings} />}
        </>
      )}
    </AliExpressPage>
  )
}

export const config = defineRouteConfig({ label: "Settings", rank: 6 })

export default SettingsPage
