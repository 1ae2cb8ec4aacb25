import { z } from "zod"
import { idString, looseNumber, looseString, wrappedList } from "./common"

/** feed.submit: the job id at the top of the `_response` object. */
export const feedSubmitSchema = z.looseObject({
  job_id: idString,
})

/** feed.query: one result per processed item; `item_execution_result` is a JSON string. */
export const feedQuerySchema = z.looseObject({
  job_id: idString.optional(),
  total_item_count: looseNumber.optional(),
  success_item_count: looseNumber.optional(),
  result_list: wrappedList(
    z.looseObject({
      item_content_id: looseString.optional(),
      item_execution_result: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
    })
  ),
})

/** feed.list.get: jobs with their state (QUEUEING, PROCESSING, FINISH). */
export const feedListSchema = z.looseObject({
  current_page: looseNumber.optional(),
  page_size: looseNumber.optional(),
  total_count: looseNumber.optional(),
  total_page: looseNumber.optional(),
  job_list: wrappedList(
    z.looseObject({
      job_id: idString,
      status: z.string().optional(),
      operation_type: z.string().optional(),
    })
  ),
})
