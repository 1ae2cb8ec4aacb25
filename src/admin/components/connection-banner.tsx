import { Alert, Button } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useAccountPath } from "../hooks/accounts"
import { daysUntil } from "../lib/format"
import type { Settings } from "../lib/types"

type Health = Pick<Settings, "status" | "status_reason" | "is_connected" | "access_token_expires_at" | "refresh_token_expires_at">

const Fix = ({ label = "Open settings and reconnect" }: { label?: string }) => {
  const linkTo = useAccountPath()
  return (
    <Link to={linkTo("/aliexpress/settings")}>
      <Button size="small" variant="secondary" className="mt-2">
        {label}
      </Button>
    </Link>
  )
}

/** A red banner with the fix when the marketplace connection is broken or about to lapse. */
export const ConnectionBanner = ({ account }: { account: Health | null | undefined }) => {
  if (!account) {
    return (
      <Alert variant="info" data-testid="connection-banner">
        AliExpress is not set up yet. Enter the app key and secret in Settings, then connect your seller account.
        <div>
          <Fix label="Open settings" />
        </div>
      </Alert>
    )
  }
  if (account.status === "reconnect_needed") {
    return (
      <Alert variant="error" data-testid="connection-banner">
        The AliExpress connection stopped working{account.status_reason ? `: ${account.status_reason}` : ""}. Nothing is
        synced until you connect the seller account again.
        <div>
          <Fix />
        </div>
      </Alert>
    )
  }
  if (!account.is_connected) {
    return (
      <Alert variant="warning" data-testid="connection-banner">
        No AliExpress seller account is connected: listings and orders are paused. Use "Connect with AliExpress" in
        Settings.
        <div>
          <Fix label="Open settings and connect" />
        </div>
      </Alert>
    )
  }
  const refreshDays = daysUntil(account.refresh_token_expires_at)
  if (refreshDays !== null && refreshDays < 0) {
    return (
      <Alert variant="error" data-testid="connection-banner">
        The AliExpress authorization has expired. Connect the seller account again to resume syncing.
        <div>
          <Fix />
        </div>
      </Alert>
    )
  }
  if (refreshDays !== null && refreshDays < 1) {
    return (
      <Alert variant="warning" data-testid="connection-banner">
        The AliExpress authorization expires in {Math.max(refreshDays, 0)} day{refreshDays === 1 ? "" : "s"}. Reconnect
        before then to avoid a pause.
        <div>
          <Fix />
        </div>
      </Alert>
    )
  }
  return null
}
