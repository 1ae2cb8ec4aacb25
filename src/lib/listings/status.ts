/** A listing status from AliExpress' product status word. */
export function listingStatusFromAe(aeStatus: string | undefined | null): "live" | "auditing" | "rejected" | "offline" {
  switch (aeStatus) {
    case "auditing":
      return "auditing"
    case "editingRequired":
      return "rejected"
    case "offline":
      return "offline"
    default:
      return "live"
  }
}
