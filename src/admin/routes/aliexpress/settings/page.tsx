import { useEffect } from "react"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Alert, Skeleton, toast } from "@medusajs/ui"
import { useSearchParams } from "react-router-dom"
import { AliExpressPage } from "../../../components/aliexpress-page"
import { ConnectionSection } from "../../../components/settings/connection-section"
import { RulesSection } from "../../../components/settings/rules-section"
import { CarrierSection } from "../../../components/settings/carrier-section"
import { ConnectionBanner } from "../../../components/connection-banner"
import { useSettings } from "../../../hooks/settings"

const SettingsPage = () => {
  const { data, isLoading } = useSettings()
  const [params, setParams] = useSearchParams()
  const oauthError = params.get("error")

  // The OAuth callback lands here with its outcome in the query string.
  useEffect(() => {
    if (params.get("connected") === "1") {
      toast.success("AliExpress connected", { description: "The seller account is linked; syncing can start." })
      setParams({}, { replace: true })
    } else if (oauthError) {
      toast.error("AliExpress connection failed", { description: oauthError })
    }
  }, [])

  const settings = data?.settings ?? null

  return (
    <AliExpressPage title="AliExpress settings" description="Connect your seller account and choose how products, stock, prices and shipments flow.">
      {oauthError && (
        <Alert variant="error" dismissible data-testid="oauth-error">
          The connection was not completed: {oauthError}
        </Alert>
      )}
      {settings && settings.status !== "connected" && settings.status === "reconnect_needed" && <ConnectionBanner account={settings} />}
      {isLoading ? (
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
