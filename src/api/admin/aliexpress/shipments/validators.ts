import { z } from "zod"
import { SHIPMENT_STATUSES } from "../../../../modules/aliexpress/models/shipment"

export const AdminListAliExpressShipments = z
  .object({
    status: z.enum([...SHIPMENT_STATUSES]).optional(),
    order_id: z.string().trim().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListAliExpressShipmentsType = z.infer<typeof AdminListAliExpressShipments>

export const AdminRetryAliExpressShipment = z
  .object({
    tracking_number: z.string().trim().min(1).max(100).optional(),
    service_name: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
export type AdminRetryAliExpressShipmentType = z.infer<typeof AdminRetryAliExpressShipment>
