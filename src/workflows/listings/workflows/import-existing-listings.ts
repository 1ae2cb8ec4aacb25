import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { readAliExpressProductsStep } from "../steps/read-aliexpress-products"
import { bindExistingListingsStep } from "../steps/bind-existing-listings"

export const importExistingListingsWorkflowId = "import-existing-aliexpress-listings"

/** Reads the seller's AliExpress products and binds them to Medusa products by SKU. */
export const importExistingListingsWorkflow = createWorkflow(importExistingListingsWorkflowId, (input: { account_id: string }) => {
  const products = readAliExpressProductsStep(input)
  return new WorkflowResponse(bindExistingListingsStep(transform({ input, products }, ({ input, products }) => ({ account_id: input.account_id, products }))))
})
