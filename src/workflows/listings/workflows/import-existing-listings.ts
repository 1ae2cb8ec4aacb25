import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { readAliExpressProductsStep } from "../steps/read-aliexpress-products"
import { bindExistingListingsStep } from "../steps/bind-existing-listings"

export const importExistingListingsWorkflowId = "import-existing-aliexpress-listings"

/** Reads the seller's AliExpress products and binds them to Medusa products by SKU. */
export const importExistingListingsWorkflow = createWorkflow(importExistingListingsWorkflowId, () => {
  const products = readAliExpressProductsStep()
  return new WorkflowResponse(bindExistingListingsStep({ products }))
})
