import { z } from "zod"

const id = z.union([z.string().trim().min(1).max(64), z.number()]).transform(String)

/** Only the order id is acted on; the rest is kept loose because the payload is unpublished. */
export const AliExpressPushMessage = z.looseObject({
  message_id: z.string().trim().min(1).max(200),
  message_type: z.string().max(100).optional(),
  timestamp: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]),
  seller_id: id.optional(),
  data: z.looseObject({
    order_id: id,
    current_status: z.string().max(64).optional(),
    last_status: z.string().max(64).optional(),
    order_change_time: z.string().max(64).optional(),
  }),
})
export type AliExpressPushMessageType = z.infer<typeof AliExpressPushMessage>
