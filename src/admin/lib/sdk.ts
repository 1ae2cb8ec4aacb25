import Medusa from "@medusajs/js-sdk"

/** The one client every AliExpress screen talks to the backend through (same origin, admin session). */
export const sdk = new Medusa({
  baseUrl: "/",
  auth: { type: "session" },
})
