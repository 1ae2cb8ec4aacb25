import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ALIEXPRESS_MODULE } from "../../../../modules/aliexpress"
import type AliExpressModuleService from "../../../../modules/aliexpress/service"
import { verifyPushSignature } from "../../../../lib/aliexpress"
import {
  ORDER_PUSH_RECEIVED_EVENT,
  PUSH_MAX_AGE_MS,
  PUSH_MAX_BYTES,
  PUSH_REPLAY_TTL_S,
} from "../../../../lib/orders/constants"
import { AliExpressPushMessage } from "./validators"

/** The seller a push names, read before its signature is checked only to pick whose secret checks it. */
const sellerIdOf = (body: unknown): string | null => {
  const value = (body as { seller_id?: unknown } | null)?.seller_id
  return typeof value === "string" || typeof value === "number" ? String(value) : null
}

const refuse = (res: MedusaResponse, status: number, message: string) => {
  res.status(status).json({ type: "invalid_request", message })
}

/**
 * AliExpress order push. Verifies the HMAC of the raw body, refuses stale,
 * replayed and oversized messages, answers at once and hands the order id to
 * the import (an event, so a worker does the work). The message is only a
 * trigger: the import reads the order from the API.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const raw = (req as MedusaRequest & { rawBody?: Buffer }).rawBody
  if (!raw) {
    return refuse(res, 400, "Expected a JSON body")
  }
  if (raw.length > PUSH_MAX_BYTES) {
    return refuse(res, 413, "Message too large")
  }
  const service: AliExpressModuleService = req.scope.resolve(ALIEXPRESS_MODULE)
  // The message names its seller: the account of that seller checks the signature with its
  // app secret and imports the order (the body is verified before anything in it is trusted).
  const sellerId = sellerIdOf(req.body)
  const account = sellerId ? await service.findAccountBySeller(sellerId) : await service.getAccount().catch(() => null)
  const secret = account ? service.revealAppSecret(account) : null
  if (!account || !secret) {
    return refuse(res, 404, sellerId ? `No AliExpress account is connected for seller ${sellerId}` : "AliExpress is not set up")
  }
  const signature = req.headers["x-ae-signature"]
  if (typeof signature !== "string" || !verifyPushSignature(secret, raw, signature)) {
    return refuse(res, 401, "Invalid signature")
  }
  const parsed = AliExpressPushMessage.safeParse(req.body)
  if (!parsed.success) {
    return refuse(res, 400, "Malformed message")
  }
  const message = parsed.data
  const headerTimestamp = Number(req.headers["x-ae-timestamp"])
  const sentAt = Number.isFinite(headerTimestamp) && headerTimestamp > 0 ? headerTimestamp : message.timestamp
  if (Math.abs(Date.now() - sentAt) > PUSH_MAX_AGE_MS || Math.abs(message.timestamp - sentAt) > PUSH_MAX_AGE_MS) {
    return refuse(res, 400, "Stale message")
  }
  if (account.seller_id && message.seller_id && message.seller_id !== account.seller_id) {
    return refuse(res, 400, "Message for another seller")
  }

  const cache = req.scope.resolve(Modules.CACHE)
  const locking = req.scope.resolve(Modules.LOCKING)
  const key = `aliexpress:push:${message.message_id}`
  const firstSeen = await locking.execute(key, async () => {
    if (await cache.get(key)) {
      return false
    }
    await cache.set(key, 1, PUSH_REPLAY_TTL_S)
    return true
  })
  if (!firstSeen) {
    return refuse(res, 409, "Message already received")
  }

  await req.scope.resolve(Modules.EVENT_BUS).emit({
    name: ORDER_PUSH_RECEIVED_EVENT,
    data: { account_id: account.id, ae_order_id: message.data.order_id, status: message.data.current_status ?? null, message_id: message.message_id },
  })
  req.scope
    .resolve(ContainerRegistrationKeys.LOGGER)
    .debug(`AliExpress push ${message.message_id} for order ${message.data.order_id} accepted`)
  res.status(200).json({ received: true })
}
