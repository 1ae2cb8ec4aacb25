import { z } from "zod"
import { AdminSaveAliExpressSettings } from "../settings/validators"

/** A new seller account: what it takes to connect it; the rules can follow later. */
export const AdminCreateAliExpressAccount = AdminSaveAliExpressSettings.extend({
  name: z.string().trim().min(1).max(100),
  gateway_url: z.string().trim().url().max(500),
  app_key: z.string().trim().min(1).max(100),
  app_secret: z.string().min(1).max(500),
}).strict()

export type AdminCreateAliExpressAccountType = z.infer<typeof AdminCreateAliExpressAccount>

/** An account's settings: the same fields as the settings route. */
export const AdminUpdateAliExpressAccount = AdminSaveAliExpressSettings

export type AdminUpdateAliExpressAccountType = z.infer<typeof AdminUpdateAliExpressAccount>
