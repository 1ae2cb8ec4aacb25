import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { exchangeOAuthCodeStep, type ExchangeOAuthCodeInput } from "../steps/exchange-oauth-code"

export const connectAliExpressAccountWorkflowId = "connect-aliexpress-account"

/** Finishes the OAuth round trip: the seller approved the app, store its tokens. */
export const connectAliExpressAccountWorkflow = createWorkflow(
  connectAliExpressAccountWorkflowId,
  (input: ExchangeOAuthCodeInput) => {
    return new WorkflowResponse(exchangeOAuthCodeStep(input))
  }
)
