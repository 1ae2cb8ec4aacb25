import { z } from "zod"
import { ORDER_BINDING_STATUSES } from "../../../../modules/aliexpress/models/order-binding"

export const AdminListAliExpressOrders = z
  .object({
    status: z.enum([...ORDER_BINDING_STATUSES]).optional(),
    q: z.string().trim().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListAliExpressOrdersType = z.infer<typeof AdminListAliExpressOrders>

export const AdminImportAliExpressOrders = z.object({}).strict()

export const AdminRetryAliExpressOrder = z.object({}).strict()

/** CSV text with a header line `order_id,carrier,tracking_number` (order_id = the AliExpress order id). */
export const AdminUploadTracking = z
  .object({
    csv: z.string().min(1).max(512 * 1024),
  })
  .strict()
export type AdminUploadTrackingType = z.infer<typeof AdminUploadTracking>
