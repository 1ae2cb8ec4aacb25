import type { SellerState } from "./seller-state"

/** One seller's part of `GET /__sandbox/state`: what tests and the demo look at, ids as strings. */
export function sellerSnapshot(seller: SellerState): Record<string, unknown> {
  return {
    products: [...seller.products.values()].map((p) => ({
      product_id: p.product_id,
      status: p.status,
      subject: p.subjects.find((s) => s.language === p.language)?.subject ?? p.subjects[0]?.subject,
      category_id: p.category_id,
      audit_failure_reason: p.audit_failure_reason,
      attributes: p.attributes.map((a) => ({
        name_id: a.attribute_name_id,
        value_id: a.attribute_value_id,
        name: a.attribute_name,
        value: a.attribute_value,
      })),
      skus: p.skus.map((s) => ({
        sku_code: s.sku_code,
        price: s.price,
        discount_price: s.discount_price,
        inventory: s.inventory,
        attributes: s.attributes.map((a) => ({ name: a.name, value: a.value })),
      })),
    })),
    orders: [...seller.orders.values()].map((o) => ({
      order_id: o.order_id,
      status: o.status,
      end_reason: o.end_reason,
      gmt_create: o.gmt_create,
      gmt_update: o.gmt_update,
      items: o.items.map((i) => ({ sku_code: i.sku_code, quantity: i.quantity, product_id: i.product_id })),
      shipments: o.shipments.map((s) => ({
        service_name: s.service_name,
        logistics_no: s.logistics_no,
        send_type: s.send_type,
        tracking_website: s.tracking_website,
      })),
    })),
    feed_jobs: [...seller.feedJobs.values()].map((j) => ({
      job_id: j.job_id,
      operation_type: j.operation_type,
      items: j.items.length,
      finished: !!j.results,
    })),
    calls: seller.calls,
    rejected_calls: seller.rejectedCalls,
    images: seller.images.size,
  }
}
