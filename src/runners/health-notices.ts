import type { HealthSubject } from "../modules/aliexpress/lib/health-store"
import type { HealthTransition } from "../lib/health/transition"

type Notice = { title: string; description: string }

/** What the bell says when an incident opens (with its reason) and when it recovers. */
const NOTICES: Partial<Record<HealthSubject, { opened: (reason: string) => Notice; recovered: Notice }>> = {
  order_import: {
    opened: (reason) => ({
      title: "AliExpress order import is failing",
      description: `New AliExpress orders are not reaching Medusa: ${reason}. It is tried again every minute; see AliExpress > Overview.`,
    }),
    recovered: { title: "AliExpress order import works again", description: "AliExpress orders are being imported again." },
  },
  shipment_push: {
    opened: (reason) => ({
      title: "AliExpress shipment pushes are failing",
      description: `Tracking numbers are not reaching AliExpress: ${reason}. See AliExpress > Orders for the shipments waiting.`,
    }),
    recovered: { title: "AliExpress shipment pushes work again", description: "Tracking numbers are reaching AliExpress again." },
  },
  token_expiry: {
    opened: (reason) => ({ title: "AliExpress authorisation expires soon", description: reason }),
    recovered: { title: "AliExpress authorisation renewed", description: "The AliExpress account's authorisation is valid again." },
  },
  listing_review: {
    opened: (reason) => ({ title: "AliExpress rejected listings", description: `${reason} See AliExpress > Products to fix them.` }),
    recovered: { title: "No rejected AliExpress listings", description: "Every rejected listing was fixed or removed." },
  },
}

/** The bell's notice for a transition, or null for subjects shown only on the overview (the listing sync). */
export function healthNotice(subject: HealthSubject, transition: Exclude<HealthTransition, null>, reason: string | null): Notice | null {
  const notices = NOTICES[subject]
  if (!notices) {
    return null
  }
  return transition === "opened" ? notices.opened(reason ?? "no reason given") : notices.recovered
}
