import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { submitListingFeedStep } from "../steps/submit-listing-feed"
import { pollListingFeedsStep } from "../steps/poll-listing-feeds"
import { sendListingUpdatesStep } from "../steps/send-listing-updates"
import type { UpdateCandidate, UpdateKind } from "../../../lib/listings/updates"

export const submitListingFeedWorkflowId = "submit-aliexpress-listing-feed"
export const pollListingFeedsWorkflowId = "poll-aliexpress-listing-feeds"
export const sendListingUpdatesWorkflowId = "send-aliexpress-listing-updates"

/** One feed job of price or stock changes, kept in the table as soon as AliExpress has it. */
export const submitListingFeedWorkflow = createWorkflow(
  submitListingFeedWorkflowId,
  (input: { account_id: string; kind: UpdateKind; candidates: UpdateCandidate[] }) => new WorkflowResponse(submitListingFeedStep(input))
)

/** Asks about the due feed jobs and puts finished ones' results on their listings. */
export const pollListingFeedsWorkflow = createWorkflow(pollListingFeedsWorkflowId, (input: { account_id: string }) =>
  new WorkflowResponse(pollListingFeedsStep(input))
)

/** Price and stock changes a run gathered for the feed path that stayed under the threshold: batch calls. */
export const sendListingUpdatesWorkflow = createWorkflow(
  sendListingUpdatesWorkflowId,
  (input: { account_id: string; candidates: UpdateCandidate[] }) => new WorkflowResponse(sendListingUpdatesStep(input))
)
