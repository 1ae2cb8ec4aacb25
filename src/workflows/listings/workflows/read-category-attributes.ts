import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { readCategoryAttributesStep } from "../steps/read-category-attributes"
import { reportAttributeValuesStep } from "../steps/report-attribute-values"

export const readCategoryAttributesWorkflowId = "read-aliexpress-category-attributes"

export type ReadCategoryAttributesInput = { account_id?: string | null; category_id: string; refresh?: boolean; values?: boolean }

/** A category's attribute definitions (kept, or read again on refresh) and, asked for, the catalogue's value matches. */
export const readCategoryAttributesWorkflow = createWorkflow(readCategoryAttributesWorkflowId, (input: ReadCategoryAttributesInput) => {
  const read = readCategoryAttributesStep(
    transform({ input }, ({ input }) => ({ account_id: input.account_id, category_ids: [input.category_id], refresh: input.refresh }))
  )
  const defs = transform({ read, input }, ({ read, input }) => read[input.category_id])
  const report = when({ defs, input }, ({ defs, input }) => !!input.values && !!defs && !defs.error).then(() =>
    reportAttributeValuesStep(transform({ defs, input }, ({ defs, input }) => ({ account_id: input.account_id, defs })))
  )
  return new WorkflowResponse(transform({ defs, report }, ({ defs, report }) => ({ ...defs, values: report ?? null })))
})
