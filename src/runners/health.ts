import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../modules/aliexpress"
import type AliExpressModuleService from "../modules/aliexpress/service"
import type { HealthSubject } from "../modules/aliexpress/lib/health-store"
import type { HealthOutcome, HealthTransition } from "../lib/health/transition"
import { refreshTokenOutcome, rejectedListingsOutcome } from "../lib/health/conditions"
import { healthNotice } from "./health-notices"

/**
 * Records the account's health for the runners and tells the merchant through Medusa's admin
 * notification feed (the bell) when an incident opens and when it recovers. The incident state
 * lives in the module's table, so several processes never notify one incident twice; the
 * notification's idempotency key (the incident's start) is the second guard.
 */
export class HealthReporter {
  /** why the bell cannot be reached, once logged; the app may have no notification module */
  private bellMissingLogged = false

  async report(container: MedusaContainer, accountId: string, subject: HealthSubject, outcome: HealthOutcome): Promise<HealthTransition> {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    try {
      const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
      const { record, transition } = await service.recordHealth(accountId, subject, outcome)
      if (transition) {
        // The log's one line per incident and per recovery; the failing attempts in between are debug lines.
        const line = `AliExpress ${subject.replace(/_/g, " ")} ${transition === "opened" ? `is failing: ${record.last_failure_reason}` : "works again"}`
        transition === "opened" ? logger.warn(line) : logger.info(line)
        const notice = healthNotice(subject, transition, record.last_failure_reason)
        if (notice) {
          await this.notify(container, { ...notice, idempotency_key: `aliexpress:${accountId}:${subject}:${transition}:${record.incident_started_at?.toISOString()}` })
        }
      }
      return transition
    } catch (error: any) {
      logger.warn(`AliExpress: the ${subject} health was not recorded: ${error?.message ?? error}`)
      return null
    }
  }

  /** The refresh token's expiry, looked at by the order import's scheduled runs. */
  async checkToken(container: MedusaContainer, accountId: string): Promise<void> {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const account = await service.getAccount(accountId)
    if (account?.status === "connected") {
      await this.report(container, account.id, "token_expiry", refreshTokenOutcome(account.refresh_token_expires_at))
    }
  }

  /** Rejected listings as one condition, looked at after each review check. */
  async checkRejections(container: MedusaContainer, accountId: string): Promise<void> {
    const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
    const [rows, count] = await service.listAndCountAliExpressListings(
      { account_id: accountId, status: "rejected", product_id: { $ne: null } },
      { take: 1, select: ["id", "product_title", "audit_reason"], order: { updated_at: "DESC" } }
    )
    await this.report(container, accountId, "listing_review", rejectedListingsOutcome(count, { title: rows[0]?.product_title, reason: rows[0]?.audit_reason }))
  }

  private async notify(container: MedusaContainer, notice: { title: string; description: string; idempotency_key: string }): Promise<void> {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    if (!container.hasRegistration(Modules.NOTIFICATION)) {
      this.logBellMissing(logger, "the app has no notification module")
      return
    }
    try {
      await container.resolve(Modules.NOTIFICATION).createNotifications({
        to: "",
        channel: "feed",
        template: "admin-ui",
        data: { title: notice.title, description: notice.description },
        idempotency_key: notice.idempotency_key,
      })
    } catch (error: any) {
      // Typically no provider serves the "feed" channel: the overview still shows the health.
      this.logBellMissing(logger, error?.message ?? String(error))
    }
  }

  private logBellMissing(logger: { warn: (m: string) => void }, why: string): void {
    if (this.bellMissingLogged) {
      return
    }
    this.bellMissingLogged = true
    logger.warn(
      `AliExpress: alerts cannot reach the admin's notification bell (${why}); add the notification module with a "feed" provider to see them there. The AliExpress overview shows them either way.`
    )
  }
}

/** The process's health reporter. */
export const healthReporter = new HealthReporter()
