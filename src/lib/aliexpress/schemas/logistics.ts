import { z } from "zod"
import { looseBool, looseNumber, wrappedList } from "./common"

export const logisticsServicesSchema = z.looseObject({
  result_list: wrappedList(
    z.looseObject({
      service_name: z.string(),
      display_name: z.string().optional(),
      logistics_company: z.string().optional(),
      tracking_no_regex: z.string().optional(),
      min_process_day: looseNumber.optional(),
      max_process_day: looseNumber.optional(),
    })
  ),
  result_success: looseBool.optional(),
})

/** order.fulfill and sellermodifiedshipmentfortop: `result.result_success`, sometimes at the top. */
export const shipmentResultSchema = z.looseObject({
  result: z.looseObject({ result_success: looseBool.optional() }).optional(),
  result_success: looseBool.optional(),
})
