export { AE_ORDER_STATUS_LABELS, aeOrderStatusLabel, humanizeCode, isAwaitingShipment } from "./order-status"
export { CARRIER_LABELS, carrierLabel } from "./carriers"
export { problemFieldLabel } from "./problem-fields"
export { LISTING_STATUS_LABELS, listingStatusLabel } from "./listing-filters"
