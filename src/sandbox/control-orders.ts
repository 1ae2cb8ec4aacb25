import { z } from "zod"
import { DEMO_ADDRESSES, DEMO_BUYERS, SHIP_DEADLINE_MS } from "./seed"
import { OrderItem, OrderRecord, SandboxStore, SellerState } from "./store"

export class ControlError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message)
  }
}

/** A seller id as a digit string (a JSON number is taken too). */
export const sellerIdSchema = z.preprocess(
  (value) => (typeof value === "number" ? String(value) : value),
  z.string({ error: "must be a numeric seller id" }).regex(/^\d{1,20}$/, "must be a numeric seller id")
)

export const orderSchema = z.object({
  seller_id: sellerIdSchema.optional(),
  items: z.array(z.object({ sku_code: z.string().min(1), quantity: z.number().int().min(1) })).min(1),
  buyer: z
    .object({
      login_id: z.string().min(1),
      first_name: z.string().min(1),
      last_name: z.string().min(1),
      email: z.string().optional(),
      country: z.string().length(2).optional(),
    })
    .optional(),
  address: z
    .object({
      contact_person: z.string().min(1),
      address: z.string().min(1),
      address2: z.string().optional(),
      city: z.string().min(1),
      province: z.string().min(1),
      country: z.string().length(2),
      zip: z.string().min(1),
      phone_number: z.string().min(1),
    })
    .optional(),
  shipping_amount: z.string().regex(/^\d+(\.\d{1,2})?$/).optional(),
})

const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]

/** A buyer's order for SKUs of `seller`'s shop: stock is taken and the order announced. */
export function placeOrder(store: SandboxStore, seller: SellerState, input: z.infer<typeof orderSchema>): OrderRecord {
  seller.settleAudits()
  const wanted = new Map<string, number>()
  for (const item of input.items) {
    wanted.set(item.sku_code, (wanted.get(item.sku_code) ?? 0) + item.quantity)
  }
  for (const [code, quantity] of wanted) {
    const product = seller.products.get(seller.skuIndex.get(code) ?? "")
    const sku = product?.skus.find((s) => s.sku_code === code)
    if (!product || !sku) {
      throw new ControlError(400, "unknown_sku", `sku_code ${code} is not listed`)
    }
    if (product.status !== "onSelling") {
      throw new ControlError(400, "not_on_sale", `product ${product.product_id} of sku_code ${code} is ${product.status}`)
    }
    if (sku.inventory < quantity) {
      throw new ControlError(400, "insufficient_stock", `sku_code ${code} has ${sku.inventory} in stock, ${quantity} ordered`)
    }
  }
  const items: OrderItem[] = input.items.map((line) => {
    const product = seller.products.get(seller.skuIndex.get(line.sku_code)!)!
    const sku = product.skus.find((s) => s.sku_code === line.sku_code)!
    sku.inventory -= line.quantity
    return {
      child_id: store.newChildId(),
      product_id: product.product_id,
      sku_code: sku.sku_code,
      product_name: product.subjects.find((s) => s.language === product.language)?.subject ?? product.subjects[0].subject,
      quantity: line.quantity,
      unit_price: sku.discount_price ?? sku.price,
      image: sku.attributes.find((a) => a.image)?.image ?? product.images[0],
      attributes: sku.attributes,
    }
  })
  const now = store.now()
  const buyer = input.buyer ?? pick(DEMO_BUYERS)
  const address = input.address ?? pick(DEMO_ADDRESSES)
  const order: OrderRecord = {
    order_id: store.newOrderId(),
    status: "WAIT_SELLER_SEND_GOODS",
    gmt_create: now,
    gmt_update: now,
    gmt_pay: now,
    ship_deadline: now + SHIP_DEADLINE_MS,
    buyer: { ...buyer, country: buyer.country ?? address.country },
    address: { ...address },
    currency: "USD",
    shipping_amount: Number(input.shipping_amount ?? "0").toFixed(2),
    items,
    shipments: [],
  }
  seller.addOrder(order)
  return order
}

/** The buyer cancels (stock returns to the seller's SKUs) or confirms receipt. */
export function changeOrderStatus(seller: SellerState, order: OrderRecord, action: "cancel" | "confirm"): void {
  if (action === "cancel") {
    if (order.status !== "WAIT_SELLER_SEND_GOODS" && order.status !== "PLACE_ORDER_SUCCESS") {
      throw new ControlError(409, "invalid_status", `order ${order.order_id} cannot be cancelled in status ${order.status}`)
    }
    for (const item of order.items) {
      const product = seller.products.get(item.product_id)
      const sku = product?.skus.find((s) => s.sku_code === item.sku_code)
      if (sku) {
        sku.inventory += item.quantity
      }
    }
    seller.setOrderStatus(order, "IN_CANCEL")
    return
  }
  if (order.status !== "WAIT_BUYER_ACCEPT_GOODS") {
    throw new ControlError(409, "invalid_status", `order ${order.order_id} cannot be confirmed in status ${order.status}`)
  }
  order.end_reason = "buyer_confirm_goods"
  seller.setOrderStatus(order, "FINISH")
}
