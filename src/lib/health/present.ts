import { healthState, type HealthRecord, type HealthState } from "./transition"

export const ACCOUNT_HEALTH_JOBS = ["order_import", "listing_sync", "shipment_push"] as const
export const ACCOUNT_HEALTH_CONDITIONS = ["token_expiry", "listing_review"] as const

type Row = Partial<HealthRecord> & { subject: string }

export type PresentedHealth = {
  state: HealthState
  last_success_at: string | null
  last_failure_at: string | null
  last_failure_reason: string | null
  consecutive_failures: number
  incident_started_at: string | null
}

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null)

function present(row: Row | undefined): PresentedHealth {
  return {
    state: healthState(row ? { last_success_at: row.last_success_at ?? null, last_failure_at: row.last_failure_at ?? null, consecutive_failures: row.consecutive_failures ?? 0 } : null),
    last_success_at: iso(row?.last_success_at),
    last_failure_at: iso(row?.last_failure_at),
    last_failure_reason: row?.consecutive_failures ? row.last_failure_reason ?? null : null,
    consecutive_failures: row?.consecutive_failures ?? 0,
    incident_started_at: iso(row?.incident_started_at),
  }
}

const RANK: Record<HealthState, number> = { unknown: 0, ok: 0, warning: 1, error: 2 }

/**
 * The account's health as the overview shows it: each job, each watched condition, and the
 * worst state of them all. A condition (token expiring, listings rejected) is a warning, never
 * an error: nothing is broken yet.
 */
export function presentAccountHealth(rows: Row[]) {
  const bySubject = new Map(rows.map((r) => [r.subject, r]))
  const jobs = Object.fromEntries(ACCOUNT_HEALTH_JOBS.map((s) => [s, present(bySubject.get(s))])) as Record<(typeof ACCOUNT_HEALTH_JOBS)[number], PresentedHealth>
  const conditions = Object.fromEntries(
    ACCOUNT_HEALTH_CONDITIONS.map((s) => {
      const p = present(bySubject.get(s))
      return [s, { ...p, state: p.consecutive_failures ? "warning" : p.state }]
    })
  ) as Record<(typeof ACCOUNT_HEALTH_CONDITIONS)[number], PresentedHealth>
  const all = [...Object.values(jobs), ...Object.values(conditions)]
  const worst = all.reduce<HealthState>((w, h) => (RANK[h.state] > RANK[w] ? h.state : w), "ok")
  return { state: worst, ...jobs, ...conditions }
}
