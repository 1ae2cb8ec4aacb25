import { generateEntityId } from "@medusajs/framework/utils"
import { applyHealthOutcome, type HealthOutcome, type HealthRecord, type HealthTransition } from "../../../lib/health/transition"
import type { HEALTH_SUBJECTS } from "../models/health"

export type HealthSubject = (typeof HEALTH_SUBJECTS)[number]

type SqlExecutor = { execute: (sql: string, params?: unknown[]) => Promise<any[]> }

/**
 * Records one outcome in the subject's row, inside the caller's transaction: the row is made if
 * missing and locked while read and written, so two processes recording at once see each
 * other's outcome and only one of them opens (or closes) the incident.
 */
export async function recordHealthOutcome(
  sql: SqlExecutor,
  accountId: string,
  subject: HealthSubject,
  outcome: HealthOutcome,
  now = new Date()
): Promise<{ record: HealthRecord & { subject: HealthSubject }; transition: HealthTransition }> {
  await sql.execute(
    `insert into "aliexpress_health" ("id", "account_id", "subject") values (?, ?, ?)
     on conflict ("account_id", "subject") where "deleted_at" is null do nothing`,
    [generateEntityId(undefined, "aehlt"), accountId, subject]
  )
  const [row] = await sql.execute(
    `select * from "aliexpress_health" where "account_id" = ? and "subject" = ? and "deleted_at" is null for update`,
    [accountId, subject]
  )
  const prev: HealthRecord = {
    last_success_at: row.last_success_at ? new Date(row.last_success_at) : null,
    last_failure_at: row.last_failure_at ? new Date(row.last_failure_at) : null,
    last_failure_reason: row.last_failure_reason ?? null,
    consecutive_failures: Number(row.consecutive_failures) || 0,
    incident_started_at: row.incident_started_at ? new Date(row.incident_started_at) : null,
  }
  const { next, transition } = applyHealthOutcome(prev, outcome, now)
  await sql.execute(
    `update "aliexpress_health" set "last_success_at" = ?, "last_failure_at" = ?, "last_failure_reason" = ?,
       "consecutive_failures" = ?, "incident_started_at" = ?, "updated_at" = now() where "id" = ?`,
    [next.last_success_at, next.last_failure_at, next.last_failure_reason, next.consecutive_failures, next.incident_started_at, row.id]
  )
  // The incident's start names it: the opening and the recovery notifications are keyed on it.
  return { record: { ...next, subject, incident_started_at: next.incident_started_at ?? prev.incident_started_at }, transition }
}
