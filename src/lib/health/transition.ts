/**
 * The account health's bookkeeping, pure: what one outcome of a job (or one look at a
 * condition) does to its record, and whether it opens or closes an incident. An incident
 * opens on the first failure after a success and closes on the next success, so a failing
 * job that retries every minute is one incident, and one notification, not one a minute.
 */

export type HealthRecord = {
  last_success_at: Date | null
  last_failure_at: Date | null
  last_failure_reason: string | null
  consecutive_failures: number
  incident_started_at: Date | null
}

export type HealthOutcome = { ok: true } | { ok: false; reason: string }

export type HealthTransition = "opened" | "recovered" | null

/** Reasons are shown in the admin and the notification bell: one line, bounded. */
const MAX_REASON = 500

export function applyHealthOutcome(
  prev: HealthRecord,
  outcome: HealthOutcome,
  now: Date
): { next: HealthRecord; transition: HealthTransition } {
  if (outcome.ok) {
    return {
      next: { ...prev, last_success_at: now, consecutive_failures: 0, incident_started_at: null },
      transition: prev.incident_started_at ? "recovered" : null,
    }
  }
  const reason = outcome.reason.replace(/\s+/g, " ").trim().slice(0, MAX_REASON) || "no reason given"
  return {
    next: {
      ...prev,
      last_failure_at: now,
      last_failure_reason: reason,
      consecutive_failures: prev.consecutive_failures + 1,
      incident_started_at: prev.incident_started_at ?? now,
    },
    transition: prev.incident_started_at ? null : "opened",
  }
}

export type HealthState = "ok" | "warning" | "error" | "unknown"

/**
 * How the overview shows one job: an error while it keeps failing (or failed last), a warning
 * after a single failure of a job that has been working, ok otherwise.
 */
export function healthState(record: Pick<HealthRecord, "last_success_at" | "last_failure_at" | "consecutive_failures"> | null): HealthState {
  if (!record || (!record.last_success_at && !record.last_failure_at)) {
    return "unknown"
  }
  if (!record.consecutive_failures) {
    return "ok"
  }
  return record.consecutive_failures >= 2 || !record.last_success_at ? "error" : "warning"
}
