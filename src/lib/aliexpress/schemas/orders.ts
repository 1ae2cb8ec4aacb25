import { z } from "zod"
import { idString, looseNumber, looseString, moneySchema, wrappedList } from "./common"

const orderProductSchema = z.looseObject({
  child_id: idString.optional(),
  product_id: idString.optional(),
  sku_code: looseString.optional(),
  product_name: z.string().optional(),
  product_count: looseNumber.optional(),
  product_unit_price: moneySchema.optional(),
  logistics_service_name: z.string().optional(),
})

const orderSummarySchema = z.looseObject({
  order_id: idString,
  order_status: z.string().optional(),
  gmt_create: z.string().optional(),
  gmt_update: z.string().optional(),
  pay_amount: moneySchema.optional(),
  buyer_login_id: z.string().optional(),
  buyer_signer_fullname: z.string().optional(),
  timeout_left_time: looseNumber.optional(),
  product_list: wrappedList(orderProductSchema),
})

export const orderListSchema = z.looseObject({
  result: z.looseObject({
    total_count: looseNumber.optional(),
    total_page: looseNumber.optional(),
    current_page: looseNumber.optional(),
    target_list: wrappedList(orderSummarySchema),
  }),
})

export const orderDetailSchema = z.looseObject({
  id: idString.optional(),
  order_id: idString.optional(),
  order_status: z.string().optional(),
  gmt_create: z.string().optional(),
  gmt_modified: z.string().optional(),
  order_amount: moneySchema.optional(),
  logistics_amount: moneySchema.optional(),
  buyer_info: z
    .looseObject({
      login_id: z.string().optional(),
      first_name: z.string().optional(),
      last_name: z.string().optional(),
      country: z.string().optional(),
    })
    .optional(),
  receipt_address: z.record(z.string(), z.unknown()).optional(),
  child_order_list: wrappedList(
    z.looseObject({
      child_order_id: idString.optional(),
      id: idString.optional(),
      product_id: idString.optional(),
      sku_code: looseString.optional(),
      product_name: z.string().optional(),
      product_count: looseNumber.optional(),
      product_price: moneySchema.optional(),
    })
  ),
  logistic_info_list: wrappedList(
    z.looseObject({
      logistics_no: looseString.optional(),
      logistics_service_name: z.string().optional(),
      gmt_send: z.string().optional(),
    })
  ),
})

/** `result.data` per the documentation; some gateways return the detail directly in `result`. */
export const orderInfoSchema = z.looseObject({
  result: z.looseObject({ data: orderDetailSchema.optional() }),
})

export type OrderDetailPayload = z.infer<typeof orderDetailSchema>


/** order.receiptinfo.get: the buyer's shipping address in `result`. */
export const receiptInfoSchema = z.looseObject({
  result: z.looseObject({
    contact_person: z.string().optional(),
    address: z.string().optional(),
    address2: z.string().optional(),
    detail_address: z.string().optional(),
    city: z.string().optional(),
    province: z.string().optional(),
    country: z.string().optional(),
    country_name: z.string().optional(),
    zip: looseString.optional(),
    phone_country: looseString.optional(),
    phone_area: looseString.optional(),
    phone_number: looseString.optional(),
    mobile_no: looseString.optional(),
  }),
})
