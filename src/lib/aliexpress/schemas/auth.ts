import { z } from "zod"
import { idString, looseNumber } from "./common"

/** `/rest/auth/token/create` and `/rest/auth/token/refresh`: fields at the root, `code: "0"`. */
export const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().optional(),
  expires_in: looseNumber.optional(),
  refresh_expires_in: looseNumber.optional(),
  /** ms since epoch */
  expire_time: looseNumber.optional(),
  /** ms since epoch */
  refresh_token_valid_time: looseNumber.optional(),
  user_id: idString.optional(),
  seller_id: idString.optional(),
  user_nick: z.string().optional(),
  account: z.string().optional(),
  sp: z.string().optional(),
  request_id: z.string().optional(),
})
