import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveImages, type ListingImages } from "../../../lib/listings/image-bank"
import { listingSyncConfig } from "../../../lib/listings/config"
import type { PlannedListing } from "../../../lib/listings/plan"
import { classifyFailure, describeError } from "../../../lib/listings/problems"
import { requireConnectedAccount } from "../../../lib/listings/sync-account"

export const uploadListingImagesStepId = "upload-aliexpress-listing-images"


/**
 * Puts the pictures of products about to be posted or edited in the AliExpress image bank,
 * each distinct picture once (the cache table remembers them). An uploaded picture is a
 * harmless fact, so there is nothing to compensate.
 */
export const uploadListingImagesStep = createStep(
  uploadListingImagesStepId,
  async (input: { plans: PlannedListing[] }, { container }) => {
    const sources = input.plans.filter((p) => p.action === "post" || p.action === "edit").flatMap((p) => p.source_images)
    const out: ListingImages = { urls: {}, failures: {} }
    if (!sources.length) {
      return new StepResponse(out)
    }
    const { service, account, client } = await requireConnectedAccount(container)
    const resolved = await resolveImages(service, account.id, client, sources, listingSyncConfig().concurrency)
    out.urls = resolved.urls
    for (const [url, f] of Object.entries(resolved.failures)) {
      out.failures[url] = {
        message: describeError(f.error),
        stage: f.stage,
        kind: f.stage === "download" ? "refused" : classifyFailure(f.error),
        error: { name: (f.error as any)?.name, code: (f.error as any)?.code, subCode: (f.error as any)?.subCode, message: (f.error as any)?.message },
      }
    }
    return new StepResponse(out)
  }
)
