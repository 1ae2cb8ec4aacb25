import crypto from "node:crypto"
import { SandboxLogger } from "./options"
import { formatPacific } from "./pacific-time"
import { computePushSign } from "./sign"
import { OrderRecord, SandboxStore, SellerState } from "./store"

const TIMEOUT_MS = 5000
const RETRY_DELAY_MS = 500

/** Posts signed order-status messages to `pushUrl`, fire and forget with one retry. */
export class PushSender {
  private pending = new Set<Promise<void>>()

  constructor(
    private readonly store: SandboxStore,
    private readonly appSecret: string,
    private readonly logger: SandboxLogger
  ) {}

  /** Announces a change of `seller`'s order; the message names that seller, as AliExpress's do. */
  orderChanged(order: OrderRecord, lastStatus: string, seller: SellerState): void {
    const url = this.store.config.pushUrl
    if (!url) {
      return
    }
    const timestamp = this.store.now()
    const body = JSON.stringify({
      message_id: crypto.randomUUID(),
      message_type: "order_status",
      timestamp,
      seller_id: seller.sellerId,
      data: {
        order_id: order.order_id,
        current_status: order.status,
        last_status: lastStatus,
        order_change_time: formatPacific(order.gmt_update),
      },
    })
    const task = this.deliver(url, body, timestamp, seller).finally(() => this.pending.delete(task))
    this.pending.add(task)
  }

  private async deliver(url: string, body: string, timestamp: number, seller: SellerState): Promise<void> {
    const headers = {
      "content-type": "application/json",
      "x-ae-signature": computePushSign(this.appSecret, body),
      "x-ae-timestamp": String(timestamp),
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(TIMEOUT_MS) })
        await response.arrayBuffer().catch(() => undefined)
        if (response.ok) {
          seller.pushes.sent++
          return
        }
      } catch {
        // retried once below
      }
      if (attempt === 0) {
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS).unref?.())
      }
    }
    seller.pushes.failed++
    this.logger.warn?.(`sandbox: push to ${url} failed twice`)
  }

  /** Waits for deliveries in flight (used on stop). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.pending])
  }
}
