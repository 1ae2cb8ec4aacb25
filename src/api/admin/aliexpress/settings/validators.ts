import { z } from "zod"

const url = z.string().trim().url().max(500)

export const AdminSaveAliExpressSettings = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    gateway_url: url.optional(),
    app_key: z.string().trim().min(1).max(100).optional(),
    app_secret: z.string().min(1).max(500).optional(),
    sales_channel_id: z.string().trim().min(1).max(100).nullish(),
    stock_location_ids: z.array(z.string().trim().min(1).max(100)).max(100).nullish(),
    stock_buffer: z.number().int().min(0).max(999999).optional(),
    max_quantity: z.number().int().min(0).max(999999).nullish(),
    price_source: z.enum(["usd_price", "convert"]).optional(),
    usd_rate: z.number().positive().max(1000000).optional(),
    markup_percent: z.number().min(-90).max(1000).optional(),
    price_rounding: z.enum(["none", "two_decimals", "cents_99", "whole"]).optional(),
    order_import_interval_minutes: z.number().int().min(1).max(1440).optional(),
    carrier_mapping: z.record(z.string().max(100), z.string().trim().min(1).max(100)).nullish(),
    default_carrier: z.string().trim().min(1).max(100).optional(),
    default_tracking_website: url.optional(),
    template_id: z.string().trim().min(1).max(100).nullish(),
  })
  .strict()

export type AdminSaveAliExpressSettingsType = z.infer<typeof AdminSaveAliExpressSettings>
