export type ListingStatusFromAe = "live" | "auditing" | "rejected" | "offline" | "unknown"

/**
 * A listing status from AliExpress' product status word. A word this plugin does not know
 * is `unknown`, shown as such: calling it live could hide a product AliExpress took down.
 */
export function listingStatusFromAe(aeStatus: string | undefined | null): ListingStatusFromAe {
  switch (aeStatus) {
    case "onSelling":
      return "live"
    case "auditing":
      return "auditing"
    case "editingRequired":
      return "rejected"
    case "offline":
      return "offline"
    default:
      return "unknown"
  }
}
