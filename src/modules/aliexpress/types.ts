import type { PluginOptionsInput } from "../../lib/plugin-options"

/** The plugin options as written in medusa-config; see src/lib/plugin-options.ts for each one. */
export type AliExpressModuleOptions = PluginOptionsInput

export type AccountSettingsInput = {
  name?: string
  gateway_url?: string
  app_key?: string
  app_secret?: string | null
  access_token?: string | null
  refresh_token?: string | null
  sales_channel_id?: string | null
  stock_location_ids?: string[] | null
  stock_buffer?: number
  max_quantity?: number | null
  price_source?: "usd_price" | "convert"
  usd_rate?: number
  markup_percent?: number
  price_rounding?: "none" | "two_decimals" | "cents_99" | "whole"
  order_import_interval_minutes?: number
  carrier_mapping?: Record<string, string> | null
  default_carrier?: string
  default_tracking_website?: string
  template_id?: string | null
}

export type PublicAccount = Record<string, unknown> & {
  id: string
  app_secret: string | null
  access_token: string | null
  refresh_token: string | null
  has_app_secret: boolean
  is_connected: boolean
}
