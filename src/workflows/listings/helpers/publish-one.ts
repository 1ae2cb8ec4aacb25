import type { AliExpressClient } from "../../../lib/aliexpress"
import type { PostProductRequest, Problem } from "../../../lib/mapping"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import type { PlannedListing } from "../../../lib/listings/plan"
import { classifyFailure, describeError, isAmbiguous } from "../../../lib/listings/problems"
import { failureFields, identityFields, sentFields } from "../../../lib/listings/results"
import { listingStatusFromAe } from "../../../lib/listings/status"
import { stampFields } from "../../../lib/listings/source-stamp"
import { retryDelayMs } from "../../../lib/listings/config"
import type { ImageBank, ListingImages } from "./image-bank"
import type { ListingWrites } from "./listing-writes"

export type PublishContext = {
  service: AliExpressModuleService
  client: AliExpressClient
  accountId: string
  /** resolves each product's pictures just before its post or edit */
  bank: ImageBank
  attempts: Map<string, number>
  /** every outcome goes here, written in bulk */
  writes: ListingWrites
  /** set on the first credentials failure: the rest of the batch is not tried */
  authFailure: string | null
  failed: string[]
}

const DUPLICATE_SKU = /10007-007|duplicate/i

/** Looks for an AliExpress product carrying one of the listing's SKU codes, in any status. */
async function findBySku(client: AliExpressClient, skuCodes: string[]): Promise<{ productId: string; status?: string } | null> {
  for (const skuCode of skuCodes.slice(0, 2)) {
    const found = await client.findProductBySkuCode(skuCode)
    if (found) {
      return { productId: found.productId, status: found.status }
    }
  }
  return null
}

function imageProblems(plan: PlannedListing, images: ListingImages): { problems: Problem[]; transient?: string; auth?: string } {
  const problems: Problem[] = []
  for (const url of plan.source_images) {
    const f = images.failures[url]
    if (!f) continue
    if (f.kind === "auth") return { problems, auth: f.message }
    if (f.kind === "transient" && f.stage === "upload") return { problems, transient: `Image upload failed: ${f.message}` }
    problems.push({
      field: "images",
      message: f.stage === "download" ? `The image ${url} could not be downloaded: ${f.message}` : `AliExpress refused the image ${url}: ${f.message}`,
      hint: f.stage === "download" ? "Check that the image URL is reachable from the server" : "Use a jpg, gif or png image under 3 MB and 5000x5000 pixels",
      origin: f.stage === "download" ? "validation" : "marketplace",
    })
  }
  return { problems }
}

function withImageBank(payload: PostProductRequest, images: ListingImages): PostProductRequest {
  return { ...payload, main_image_urls_list: payload.main_image_urls_list.map((u) => images.urls[u] ?? u) }
}

/** Binds the listing to a product AliExpress already has, instead of posting a second one. */
function bindFound(ctx: PublishContext, plan: PlannedListing, found: { productId: string; status?: string }) {
  ctx.writes.add({
    id: plan.listing_id,
    ...identityFields(plan),
    ae_product_id: found.productId,
    ae_status: found.status ?? null,
    status: listingStatusFromAe(found.status),
    post_started_at: null,
    // Unknown what that earlier post carried: the next run edits it to the current data.
    content_hash: null,
    price_hash: null,
    stock_hash: null,
    problems: [],
    problem_count: 0,
    last_error: null,
    attempts: 0,
    next_attempt_at: null,
    last_synced_at: new Date(),
  })
}

/** Posts or edits one listing and stores the outcome; never throws for AliExpress answers. */
export async function publishOne(ctx: PublishContext, plan: PlannedListing): Promise<void> {
  if (ctx.authFailure) {
    return
  }
  const now = new Date()
  const row = { attempts: ctx.attempts.get(plan.listing_id) ?? 0 }
  await ctx.bank.resolve(plan.source_images)
  if (ctx.authFailure) {
    return
  }
  const img = imageProblems(plan, ctx.bank.images)
  if (img.auth) {
    ctx.authFailure = img.auth
    return
  }
  if (img.transient || img.problems.length) {
    ctx.failed.push(plan.listing_id)
    const attempts = row.attempts + 1
    ctx.writes.add({
      id: plan.listing_id,
      ...identityFields(plan),
      ...(img.transient
        ? { status: "error", last_error: img.transient, next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts)) }
        : { status: "invalid", problems: img.problems, problem_count: img.problems.length, last_error: null }),
      attempts,
      last_synced_at: now,
    })
    return
  }
  const payload = withImageBank(plan.payload!, ctx.bank.images)
  try {
    if (plan.action === "post") {
      if (plan.lookup_first) {
        const found = await findBySku(ctx.client, plan.sku_codes)
        if (found) {
          bindFound(ctx, plan, found)
          return
        }
      }
      const { productId } = await ctx.client.postProduct(payload)
      ctx.writes.add({
        id: plan.listing_id,
        ...sentFields(plan, plan.hashes!, now),
        ...stampFields(plan),
        ae_product_id: productId,
        ae_status: "auditing",
        status: "auditing",
        audit_reason: null,
        post_started_at: null,
        submitted_at: now,
        last_payload: payload,
      })
    } else {
      await ctx.client.editProduct(plan.ae_product_id!, payload)
      ctx.writes.add({
        id: plan.listing_id,
        ...sentFields(plan, plan.hashes!, now),
        ...stampFields(plan),
        // An edit goes back under review on AliExpress.
        ae_status: "auditing",
        status: "auditing",
        audit_reason: null,
        submitted_at: now,
        last_payload: payload,
      })
    }
  } catch (error) {
    const kind = classifyFailure(error)
    if (kind === "auth") {
      ctx.authFailure = describeError(error)
      return
    }
    if (plan.action === "post" && kind === "refused" && DUPLICATE_SKU.test(`${(error as any)?.subCode} ${(error as any)?.message}`)) {
      // Maybe ours from an earlier post whose answer was lost: bind it rather than report it.
      const found = await findBySku(ctx.client, plan.sku_codes).catch(() => null)
      if (found) {
        bindFound(ctx, plan, found)
        return
      }
    }
    ctx.failed.push(plan.listing_id)
    const keepPostMark = plan.action === "post" && kind === "transient" && isAmbiguous(error)
    ctx.writes.add({
      id: plan.listing_id,
      ...failureFields(plan, row, error, now),
      ...(plan.action === "post" && !keepPostMark ? { post_started_at: null } : {}),
    })
  }
}
