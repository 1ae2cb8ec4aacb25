import { planShipmentPush } from "../../../src/lib/orders/shipment-plan"

const account = {
  id: "aeacc_1",
  carrier_mapping: { so_express: "DHL", manual_fedex: "FEDEX_IE" } as Record<string, string> | null,
  default_carrier: "CAINIAO_STANDARD",
  default_tracking_website: "https://global.cainiao.com",
}
const binding = { id: "aeord_1" }

type Item = { line_item_id: string; quantity: number | string }
type Label = { tracking_number?: string | null; tracking_url?: string | null }
type Fulfillment = {
  id: string
  shipped_at?: string | null
  canceled_at?: string | null
  labels?: Label[]
  items?: Item[]
}

/** The order lines: two of li_a, one of li_b. */
const orderItems = [
  { id: "li_a", quantity: 2 },
  { id: "li_b", quantity: 1 },
]

/**
 * The fulfillment as the plan step reads it: `others` are the order's other
 * fulfillments; the one being pushed is listed on the order too unless `listed` is false.
 */
function fulfillment(
  overrides: Record<string, any> = {},
  opts: { others?: Fulfillment[]; listed?: boolean; order?: Record<string, any> | null } = {}
) {
  const own = {
    id: "ful_1",
    shipped_at: null,
    canceled_at: null,
    provider_id: "manual_manual",
    shipping_option_id: "so_standard",
    metadata: null,
    labels: [{ tracking_number: "LX123456789CN", tracking_url: null }],
    items: [
      { line_item_id: "li_a", quantity: 2 },
      { line_item_id: "li_b", quantity: 1 },
    ],
    ...overrides,
  }
  const listed = opts.listed === false ? [] : [{ id: own.id, shipped_at: own.shipped_at, canceled_at: own.canceled_at, labels: own.labels, items: own.items }]
  const order =
    opts.order === null
      ? null
      : {
          id: "order_1",
          metadata: { aliexpress_order_id: "8180000000000001" },
          items: orderItems,
          fulfillments: [...(opts.others ?? []), ...listed],
          ...opts.order,
        }
  return { ...own, order }
}

describe("planShipmentPush: nothing to push", () => {
  it.each([
    { name: "no order on the fulfillment", f: fulfillment({}, { order: null }) },
    { name: "a Medusa order not imported from AliExpress", f: fulfillment({}, { order: { metadata: { source: "storefront" } } }) },
    { name: "an order with no metadata", f: fulfillment({}, { order: { metadata: null } }) },
    { name: "a canceled fulfillment", f: fulfillment({ canceled_at: "2026-11-21T00:00:00Z" }) },
    { name: "no label yet", f: fulfillment({ labels: [] }) },
    { name: "labels missing altogether", f: fulfillment({ labels: undefined }) },
    { name: "labels without a tracking number", f: fulfillment({ labels: [{ tracking_number: "", tracking_url: "https://t.example/1" }, { tracking_number: null }] }) },
    { name: "no fulfillment at all", f: undefined },
  ])("$name -> null", ({ f }) => {
    expect(planShipmentPush(f, account, binding)).toBeNull()
  })
})

describe("planShipmentPush: the plan", () => {
  it("a fulfillment of the whole order: send_type all, with every field", () => {
    expect(planShipmentPush(fulfillment(), account, binding)).toEqual({
      account_id: "aeacc_1",
      ae_order_id: "8180000000000001",
      order_id: "order_1",
      fulfillment_id: "ful_1",
      binding_id: "aeord_1",
      service_name: "CAINIAO_STANDARD",
      tracking_number: "LX123456789CN",
      tracking_website: null,
      send_type: "all",
    })
  })

  it.each([
    { name: "with a binding: its id", binding: { id: "aeord_9" }, expected: "aeord_9" },
    { name: "no binding yet: binding_id null, the push is still planned", binding: null, expected: null },
  ])("binding: $name", ({ binding: b, expected }) => {
    const plan = planShipmentPush(fulfillment(), account, b)
    expect(plan).not.toBeNull()
    expect(plan!.binding_id).toBe(expected)
  })

  it.each([
    { name: "a numeric AliExpress order id becomes text", metadataId: 818000001, expected: "818000001" },
    { name: "a text AliExpress order id is kept", metadataId: "8180000000000042", expected: "8180000000000042" },
  ])("order id: $name", ({ metadataId, expected }) => {
    const plan = planShipmentPush(fulfillment({}, { order: { metadata: { aliexpress_order_id: metadataId } } }), account, binding)
    expect(plan!.ae_order_id).toBe(expected)
  })

  type CarrierCase = {
    name: string
    overrides: Record<string, any>
    account?: Partial<typeof account>
    service: string
    website: string | null
  }
  const carrierCases: CarrierCase[] = [
    { name: "unmapped option and provider: the account's default carrier", overrides: {}, service: "CAINIAO_STANDARD", website: null },
    { name: "mapped by shipping option", overrides: { shipping_option_id: "so_express" }, service: "DHL", website: null },
    { name: "mapped by fulfillment provider", overrides: { provider_id: "manual_fedex" }, service: "FEDEX_IE", website: null },
    {
      name: "the shipping option's mapping wins over the provider's",
      overrides: { shipping_option_id: "so_express", provider_id: "manual_fedex" },
      service: "DHL",
      website: null,
    },
    {
      name: "a service named on the fulfillment wins over every mapping",
      overrides: { shipping_option_id: "so_express", metadata: { aliexpress_service_name: "UPS" } },
      service: "UPS",
      website: null,
    },
    { name: "no mapping saved: the default carrier", overrides: { shipping_option_id: "so_express" }, account: { carrier_mapping: null }, service: "CAINIAO_STANDARD", website: null },
    {
      name: "a label's tracking URL is passed on",
      overrides: { labels: [{ tracking_number: "LX1", tracking_url: "https://track.example/LX1" }] },
      service: "CAINIAO_STANDARD",
      website: "https://track.example/LX1",
    },
    {
      name: "a tracking URL that is not http(s) is dropped",
      overrides: { labels: [{ tracking_number: "LX12", tracking_url: "track.example/LX12" }] },
      service: "CAINIAO_STANDARD",
      website: null,
    },
    {
      name: "an OTHER carrier with the label's URL",
      overrides: { metadata: { aliexpress_service_name: "OTHER_US_OVERSEAS" }, labels: [{ tracking_number: "ZZ99", tracking_url: "http://track.example/ZZ99" }] },
      service: "OTHER_US_OVERSEAS",
      website: "http://track.example/ZZ99",
    },
    {
      name: "an OTHER carrier without a URL gets the account's default tracking website",
      overrides: { metadata: { aliexpress_service_name: "OTHER_US_OVERSEAS" } },
      service: "OTHER_US_OVERSEAS",
      website: "https://global.cainiao.com",
    },
    {
      name: "an OTHER carrier with a URL containing spaces gets the default website",
      overrides: { metadata: { aliexpress_service_name: "other_de" }, labels: [{ tracking_number: "ZZ99", tracking_url: "https://track.example/a b" }] },
      service: "other_de",
      website: "https://global.cainiao.com",
    },
  ]

  it.each(carrierCases)("carrier: $name", ({ overrides, account: acc, service, website }) => {
    const plan = planShipmentPush(fulfillment(overrides), { ...account, ...acc }, binding)
    expect(plan).toMatchObject({ service_name: service, tracking_website: website })
  })

  it.each([
    { name: "the tracking number is trimmed", labels: [{ tracking_number: "  LX555 \n" }], expected: "LX555" },
    {
      name: "the first label with a tracking number is used",
      labels: [{ tracking_number: "" }, { tracking_number: "LX777", tracking_url: "https://t.example/777" }, { tracking_number: "LX888" }],
      expected: "LX777",
    },
  ])("tracking: $name", ({ labels, expected }) => {
    expect(planShipmentPush(fulfillment({ labels }), account, binding)!.tracking_number).toBe(expected)
  })

  type SendTypeCase = { name: string; f: ReturnType<typeof fulfillment>; sendType: "all" | "part" }
  const shippedB: Fulfillment = { id: "ful_0", shipped_at: "2026-11-20T00:00:00Z", items: [{ line_item_id: "li_b", quantity: 1 }] }
  const onlyA = { items: [{ line_item_id: "li_a", quantity: 2 }] }
  const sendTypeCases: SendTypeCase[] = [
    { name: "every line in this fulfillment -> all", f: fulfillment(), sendType: "all" },
    { name: "one line of two -> part", f: fulfillment(onlyA), sendType: "part" },
    { name: "one of two units of a line -> part", f: fulfillment({ items: [{ line_item_id: "li_a", quantity: 1 }, { line_item_id: "li_b", quantity: 1 }] }), sendType: "part" },
    { name: "the rest already shipped -> all", f: fulfillment(onlyA, { others: [shippedB] }), sendType: "all" },
    {
      name: "the rest labelled but not marked shipped -> all",
      f: fulfillment(onlyA, { others: [{ id: "ful_0", labels: [{ tracking_number: "LX0" }], items: [{ line_item_id: "li_b", quantity: 1 }] }] }),
      sendType: "all",
    },
    {
      name: "the rest fulfilled but neither shipped nor labelled -> part",
      f: fulfillment(onlyA, { others: [{ id: "ful_0", labels: [], items: [{ line_item_id: "li_b", quantity: 1 }] }] }),
      sendType: "part",
    },
    {
      name: "the rest in a canceled fulfillment -> part",
      f: fulfillment(onlyA, { others: [{ ...shippedB, canceled_at: "2026-11-20T01:00:00Z" }] }),
      sendType: "part",
    },
    {
      name: "units split over two shipped fulfillments add up -> all",
      f: fulfillment(
        { items: [{ line_item_id: "li_a", quantity: 1 }] },
        { others: [{ id: "ful_0", shipped_at: "2026-11-20T00:00:00Z", items: [{ line_item_id: "li_a", quantity: 1 }, { line_item_id: "li_b", quantity: 1 }] }] }
      ),
      sendType: "all",
    },
    { name: "this fulfillment not yet listed on the order still counts -> all", f: fulfillment({}, { listed: false }), sendType: "all" },
    {
      name: "this fulfillment listed on the order is counted once -> part",
      f: fulfillment({ items: [{ line_item_id: "li_a", quantity: 1 }, { line_item_id: "li_b", quantity: 1 }] }),
      sendType: "part",
    },
    { name: "empty slots in the order's fulfillments are skipped", f: fulfillment({}, { others: [null as any] }), sendType: "all" },
    {
      name: "quantities given as text are counted as numbers -> all",
      f: fulfillment({ items: [{ line_item_id: "li_a", quantity: "2" }, { line_item_id: "li_b", quantity: "1" }] }),
      sendType: "all",
    },
  ]

  it.each(sendTypeCases)("send type: $name", ({ f, sendType }) => {
    expect(planShipmentPush(f, account, binding)!.send_type).toBe(sendType)
  })
})

describe("planShipmentPush: blank tracking numbers", () => {
  // AliExpress must never be asked to ship with an empty tracking number.
  it("a label whose tracking number is only blanks is no tracking number", () => {
    expect(planShipmentPush(fulfillment({ labels: [{ tracking_number: "   " }] }), account, binding)).toBeNull()
  })
})
