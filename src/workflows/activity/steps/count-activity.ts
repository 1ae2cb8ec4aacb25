import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../../modules/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import type { ActivityCounts } from "../../../lib/activity/daily-activity"

export const countActivityStepId = "count-aliexpress-activity"

/**
 * Adds a run's outcomes to today's activity counters. Counting is a record of work already
 * done, so a failure to count is logged and never undoes (or fails) that work; for the same
 * reason there is no compensation.
 */
export const countActivityStep = createStep(
  countActivityStepId,
  async (input: { account_id: string; counts: ActivityCounts }, { container }) => {
    try {
      const service: AliExpressModuleService = container.resolve(ALIEXPRESS_MODULE)
      await service.countActivity(input.account_id, input.counts)
    } catch (e: any) {
      container.resolve(ContainerRegistrationKeys.LOGGER).warn(`AliExpress activity not counted: ${e?.message ?? e}`)
    }
    return new StepResponse(undefined)
  }
)
