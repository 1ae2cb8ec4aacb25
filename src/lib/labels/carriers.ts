import { humanizeCode } from "./order-status"

/**
 * Logistics service codes AliExpress uses in tracking pushes. The seller's own service list
 * (with AliExpress' display names) wins when it is loaded; this covers the screens that show
 * a stored code without that list, and the common codes when it could not be read.
 */
export const CARRIER_LABELS: Readonly<Record<string, string>> = {
  CAINIAO_STANDARD: "AliExpress Standard Shipping",
  CAINIAO_PREMIUM: "AliExpress Premium Shipping",
  CAINIAO_ECONOMY: "AliExpress Saver Shipping",
  AE_CN_SUPER_ECONOMY_G: "Cainiao Super Economy Global",
  UPS: "UPS",
  UPSE: "UPS Expedited",
  USPS: "USPS",
  FEDEX: "FedEx",
  FEDEX_IE: "FedEx International Economy",
  DHL: "DHL Express",
  DHL_DE: "DHL Germany",
  TNT: "TNT",
  EMS: "EMS",
  CHINA_POST: "China Post",
  OTHER_US_OVERSEAS: "Seller's shipping method (US)",
  OTHER_DE: "Seller's shipping method (Germany)",
  OTHER_UK: "Seller's shipping method (UK)",
  OTHER_FR: "Seller's shipping method (France)",
  OTHER_ES: "Seller's shipping method (Spain)",
  OTHER_IT: "Seller's shipping method (Italy)",
  OTHER_AU: "Seller's shipping method (Australia)",
  OTHER_RU: "Seller's shipping method (Russia)",
  Other: "Seller's shipping method",
}

/**
 * Plain words for a logistics service: the display name AliExpress gave (when known), then the
 * table, then the code's own words ("OTHER_XX" reads as the seller's own method).
 */
export function carrierLabel(code?: string | null, displayNames?: Readonly<Record<string, string | undefined>>): string {
  if (!code) return "—"
  const named = displayNames?.[code]
  if (named && named !== code) return named
  if (CARRIER_LABELS[code]) return CARRIER_LABELS[code]
  const other = /^OTHER_([A-Z]{2})$/.exec(code)
  if (other) return `Seller's shipping method (${other[1]})`
  return /^[A-Z0-9]{2,5}$/.test(code) ? code : humanizeCode(code)
}
