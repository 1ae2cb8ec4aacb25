import { StatusBadge, Tooltip } from "@medusajs/ui"
import type { AccountStatus, HealthState } from "../../lib/types"

type Color = "green" | "red" | "orange" | "grey"

const STATUS: Record<AccountStatus, { label: string; color: Color }> = {
  connected: { label: "Connected", color: "green" },
  reconnect_needed: { label: "Reconnect needed", color: "red" },
  disconnected: { label: "Not connected", color: "grey" },
}

const HEALTH: Record<HealthState, { label: string; color: Color }> = {
  ok: { label: "Healthy", color: "green" },
  warning: { label: "Needs attention", color: "orange" },
  error: { label: "Failing", color: "red" },
  unknown: { label: "Not checked yet", color: "grey" },
}

/** The connection's state, with why it stopped (AliExpress' words) one hover away. */
export const AccountStatusBadge = ({ status, reason }: { status: AccountStatus; reason?: string | null }) => {
  const meta = STATUS[status] ?? STATUS.disconnected
  const badge = (
    <StatusBadge color={meta.color} className="whitespace-nowrap" data-testid="account-status">
      {meta.label}
    </StatusBadge>
  )
  return reason && status !== "connected" ? <Tooltip content={reason}>{badge}</Tooltip> : badge
}

export const AccountHealthBadge = ({ state }: { state: HealthState }) => {
  const meta = HEALTH[state] ?? HEALTH.unknown
  return (
    <StatusBadge color={meta.color} className="whitespace-nowrap" data-testid="account-health-state">
      {meta.label}
    </StatusBadge>
  )
}
