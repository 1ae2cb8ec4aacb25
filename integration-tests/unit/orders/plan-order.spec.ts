import { planMedusaOrder, plannedOrderTotal, type ImportContext } from "../../../src/lib/orders/plan-order"
import type { AeOrderSnapshot, MatchedLine } from "../../../src/lib/orders/types"
import { importContext, item, matched, snapshot } from "./fixtures"

const bothMatched = [matched("SHIRT-S"), matched("SHIRT-M")]

describe("planMedusaOrder: held orders", () => {
  type HeldCase = {
    name: string
    snapshot: AeOrderSnapshot
    matches: MatchedLine[]
    ctx: ImportContext
    problems: Array<{ field: string; message: string; hint: RegExp; origin: "validation" | "marketplace" }>
  }

  const cases: HeldCase[] = [
    {
      name: "an unknown SKU is named in the problem and its fix",
      snapshot: snapshot(),
      matches: [matched("SHIRT-S")],
      ctx: importContext(),
      problems: [
        { field: "sku_code", message: 'No Medusa variant has the SKU "SHIRT-M"', hint: /Set the SKU "SHIRT-M" on the variant/, origin: "validation" },
      ],
    },
    {
      name: "no line matched: one problem per line",
      snapshot: snapshot(),
      matches: [],
      ctx: importContext(),
      problems: [
        { field: "sku_code", message: 'No Medusa variant has the SKU "SHIRT-S"', hint: /"SHIRT-S"/, origin: "validation" },
        { field: "sku_code", message: 'No Medusa variant has the SKU "SHIRT-M"', hint: /"SHIRT-M"/, origin: "validation" },
      ],
    },
    {
      name: "an item without SKU code is a marketplace problem naming its title",
      snapshot: snapshot({ items: [item({ sku_code: null, title: "Linen Shirt" })] }),
      matches: bothMatched,
      ctx: importContext(),
      problems: [
        { field: "sku_code", message: 'The AliExpress item "Linen Shirt" has no SKU code', hint: /Give the AliExpress SKU a code/, origin: "marketplace" },
      ],
    },
    {
      name: "an item without SKU code nor title is named by its product id",
      snapshot: snapshot({ items: [item({ sku_code: null, title: null, product_id: "1005000000000777" })] }),
      matches: bothMatched,
      ctx: importContext(),
      problems: [
        { field: "sku_code", message: 'The AliExpress item "1005000000000777" has no SKU code', hint: /SKU a code/, origin: "marketplace" },
      ],
    },
    {
      name: "an empty SKU code counts as missing, not as an unknown SKU",
      snapshot: snapshot({ items: [item({ sku_code: "", title: "Shirt S" })] }),
      matches: [matched("")],
      ctx: importContext(),
      problems: [{ field: "sku_code", message: 'The AliExpress item "Shirt S" has no SKU code', hint: /SKU a code/, origin: "marketplace" }],
    },
    {
      name: "no AliExpress sales channel",
      snapshot: snapshot(),
      matches: bothMatched,
      ctx: importContext({ sales_channel_id: null }),
      problems: [
        { field: "sales_channel_id", message: "The AliExpress sales channel is not set up", hint: /Save the AliExpress settings/, origin: "validation" },
      ],
    },
    {
      name: "no region in the order currency names the currency upper-cased",
      snapshot: snapshot({ currency_code: "eur" }),
      matches: bothMatched,
      ctx: importContext({ region_id: null }),
      problems: [{ field: "region", message: "No region uses the currency EUR", hint: /Create a region with the currency EUR/, origin: "validation" }],
    },
    {
      name: "no shipping option serving the channel",
      snapshot: snapshot(),
      matches: bothMatched,
      ctx: importContext({ shipping_options: [] }),
      problems: [
        {
          field: "shipping_option",
          message: "No shipping option serves the AliExpress sales channel's stock locations",
          hint: /Create a shipping option at a stock location/,
          origin: "validation",
        },
      ],
    },
    {
      name: "every problem at once, in line, channel, region, shipping order",
      snapshot: snapshot({ currency_code: "gbp" }),
      matches: [matched("SHIRT-M")],
      ctx: importContext({ sales_channel_id: null, region_id: null, shipping_options: [] }),
      problems: [
        { field: "sku_code", message: 'No Medusa variant has the SKU "SHIRT-S"', hint: /"SHIRT-S"/, origin: "validation" },
        { field: "sales_channel_id", message: "The AliExpress sales channel is not set up", hint: /settings/, origin: "validation" },
        { field: "region", message: "No region uses the currency GBP", hint: /GBP/, origin: "validation" },
        { field: "shipping_option", message: "No shipping option serves the AliExpress sales channel's stock locations", hint: /shipping option/, origin: "validation" },
      ],
    },
  ]

  it.each(cases)("$name", ({ snapshot: snap, matches, ctx, problems }) => {
    const plan = planMedusaOrder(snap, matches, ctx)
    expect(plan.order).toBeNull()
    expect(plan.problems).toHaveLength(problems.length)
    problems.forEach((want, i) => {
      const got = plan.problems[i]
      expect({ field: got.field, message: got.message, origin: got.origin }).toEqual({
        field: want.field,
        message: want.message,
        origin: want.origin,
      })
      expect(got.hint).toMatch(want.hint)
    })
  })

  it("a held order still carries the customer to create", () => {
    const plan = planMedusaOrder(snapshot(), [], importContext())
    expect(plan.order).toBeNull()
    expect(plan.email).toBe("us1234567@buyer.aliexpress.invalid")
    expect(plan.customer).toEqual({
      email: "us1234567@buyer.aliexpress.invalid",
      first_name: "Jane",
      last_name: "Doe",
      phone: "+1 5550100",
      metadata: { aliexpress_buyer_login_id: "us1234567" },
    })
  })
})

describe("planMedusaOrder: planned orders", () => {
  it("all lines matched: the order at AliExpress' prices, tax inclusive, with no problems", () => {
    const plan = planMedusaOrder(snapshot(), bothMatched, importContext())
    expect(plan.problems).toEqual([])
    expect(plan.order).toEqual({
      region_id: "reg_usd",
      sales_channel_id: "sc_ae",
      currency_code: "usd",
      email: "us1234567@buyer.aliexpress.invalid",
      status: "pending",
      no_notification: true,
      shipping_address: expect.any(Object),
      billing_address: expect.any(Object),
      items: [
        expect.objectContaining({
          variant_id: "variant_SHIRT-S",
          product_id: "prod_shirt",
          quantity: 1,
          unit_price: 20,
          is_custom_price: true,
          is_tax_inclusive: true,
          variant_sku: "SHIRT-S",
          metadata: { aliexpress_child_order_id: "8180000000000002", aliexpress_product_id: "1005000000000001" },
        }),
        expect.objectContaining({
          variant_id: "variant_SHIRT-M",
          quantity: 2,
          unit_price: 18.5,
          is_custom_price: true,
          is_tax_inclusive: true,
          variant_sku: "SHIRT-M",
          metadata: { aliexpress_child_order_id: "8180000000000003", aliexpress_product_id: "1005000000000001" },
        }),
      ],
      shipping_methods: [{ shipping_option_id: "so_standard", amount: 4.5, name: "CAINIAO_STANDARD", is_tax_inclusive: true }],
      metadata: { aliexpress_order_id: "8180000000000001", aliexpress_buyer_login_id: "us1234567", aliexpress_status: "WAIT_SELLER_SEND_GOODS" },
    })
    expect(plan.order!.billing_address).toEqual(plan.order!.shipping_address)
  })

  type LineCase = {
    name: string
    line: AeOrderSnapshot["items"][number]
    match: MatchedLine
    expected: Record<string, unknown>
  }
  const lineCases: LineCase[] = [
    {
      name: "copies the variant and product fields as Medusa's own line items do",
      line: item(),
      match: matched("SHIRT-S"),
      expected: {
        title: "Classic Shirt",
        subtitle: "S",
        thumbnail: "https://img.example/shirt.png",
        product_title: "Classic Shirt",
        product_description: "A shirt",
        product_subtitle: "Cotton",
        product_type: "Shirts",
        product_type_id: "ptyp_1",
        product_collection: "Summer",
        product_handle: "classic-shirt",
        variant_sku: "SHIRT-S",
        variant_barcode: "bar-SHIRT-S",
        variant_title: "S",
        is_discountable: true,
        is_giftcard: false,
        requires_shipping: true,
      },
    },
    {
      name: "the variant thumbnail wins over the product's",
      line: item(),
      match: matched("SHIRT-S", { details: { ...matched("SHIRT-S").details, thumbnail: "https://img.example/s.png" } }),
      expected: { thumbnail: "https://img.example/s.png" },
    },
    {
      name: "without a product title the AliExpress item title names the line",
      line: item({ title: "Shirt from AliExpress" }),
      match: matched("SHIRT-S", { product_title: null }),
      expected: { title: "Shirt from AliExpress", product_title: null },
    },
    {
      name: "without product or item title the variant title names the line",
      line: item({ title: null }),
      match: matched("SHIRT-S", { product_title: null }),
      expected: { title: "S" },
    },
    {
      name: "a large quantity and a fractional price pass through unchanged",
      line: item({ quantity: 250, unit_price: 0.99 }),
      match: matched("SHIRT-S"),
      expected: { quantity: 250, unit_price: 0.99, is_tax_inclusive: true, is_custom_price: true },
    },
    {
      name: "a gift card that ships nothing and is not discountable",
      line: item(),
      match: matched("SHIRT-S", {
        details: { ...matched("SHIRT-S").details, product_discountable: false, product_is_giftcard: true, requires_shipping: false },
      }),
      expected: { is_discountable: false, is_giftcard: true, requires_shipping: false },
    },
  ]

  it.each(lineCases)("line: $name", ({ line, match, expected }) => {
    const plan = planMedusaOrder(snapshot({ items: [line] }), [match], importContext())
    expect(plan.problems).toEqual([])
    expect(plan.order!.items).toHaveLength(1)
    expect(plan.order!.items[0]).toMatchObject(expected)
  })

  it("two AliExpress lines with the same SKU become two order lines on the one variant", () => {
    const lines = [item({ child_order_id: "c1", quantity: 1 }), item({ child_order_id: "c2", quantity: 3 })]
    const plan = planMedusaOrder(snapshot({ items: lines }), [matched("SHIRT-S")], importContext())
    expect(plan.order!.items.map((i: any) => [i.variant_id, i.quantity, i.metadata.aliexpress_child_order_id])).toEqual([
      ["variant_SHIRT-S", 1, "c1"],
      ["variant_SHIRT-S", 3, "c2"],
    ])
  })

  type ShippingCase = {
    name: string
    snapshot: AeOrderSnapshot
    ctx: ImportContext
    method: { shipping_option_id: string; amount: number; name: string }
  }
  const shippingCases: ShippingCase[] = [
    {
      name: "the option mapped to the buyer's carrier",
      snapshot: snapshot({ logistics_service_name: "DHL" }),
      ctx: importContext({ carrier_mapping: { so_standard: "CAINIAO_STANDARD", so_express: "DHL" } }),
      method: { shipping_option_id: "so_express", amount: 4.5, name: "DHL" },
    },
    {
      name: "an unmapped carrier falls back to the first option, keeping the carrier's name",
      snapshot: snapshot({ logistics_service_name: "FEDEX_IE" }),
      ctx: importContext({ carrier_mapping: { so_express: "DHL" } }),
      method: { shipping_option_id: "so_standard", amount: 4.5, name: "FEDEX_IE" },
    },
    {
      name: "no carrier chosen: the first option, named after itself",
      snapshot: snapshot({ logistics_service_name: null }),
      ctx: importContext({ carrier_mapping: { so_express: "DHL" } }),
      method: { shipping_option_id: "so_standard", amount: 4.5, name: "Standard" },
    },
    {
      name: "free shipping keeps an amount of 0",
      snapshot: snapshot({ shipping_amount: 0 }),
      ctx: importContext(),
      method: { shipping_option_id: "so_standard", amount: 0, name: "CAINIAO_STANDARD" },
    },
    {
      name: "a single option serves every carrier",
      snapshot: snapshot({ logistics_service_name: "DHL", shipping_amount: 12.25 }),
      ctx: importContext({ shipping_options: [{ id: "so_only", name: "Only", provider_id: null }] }),
      method: { shipping_option_id: "so_only", amount: 12.25, name: "DHL" },
    },
  ]

  it.each(shippingCases)("shipping: $name", ({ snapshot: snap, ctx, method }) => {
    const plan = planMedusaOrder(snap, bothMatched, ctx)
    expect(plan.order!.shipping_methods).toEqual([{ ...method, is_tax_inclusive: true }])
  })

  it.each([
    { name: "usd", currency: "usd" },
    { name: "eur passes through as the order currency", currency: "eur" },
  ])("currency: $name", ({ currency }) => {
    const plan = planMedusaOrder(snapshot({ currency_code: currency }), bothMatched, importContext({ region_id: `reg_${currency}` }))
    expect(plan.order).toMatchObject({ currency_code: currency, region_id: `reg_${currency}` })
  })

  type AddressCase = {
    name: string
    snapshot: AeOrderSnapshot
    address: Record<string, string>
    customer: { first_name: string; last_name: string; phone: string | null }
  }
  const addressCases: AddressCase[] = [
    {
      name: "contact person split into first name and the rest",
      snapshot: snapshot(),
      address: {
        first_name: "Jane",
        last_name: "Q Doe",
        address_1: "1 Main St",
        address_2: "Apt 2",
        city: "Springfield",
        province: "IL",
        postal_code: "62701",
        country_code: "us",
        phone: "+1 5550100",
      },
      customer: { first_name: "Jane", last_name: "Doe", phone: "+1 5550100" },
    },
    {
      name: "a one-word contact takes the buyer's last name",
      snapshot: snapshot({ address: { contact_person: "Madonna" }, buyer: { first_name: null, last_name: "Ciccone" } }),
      address: expect.objectContaining({ first_name: "Madonna", last_name: "Ciccone" }),
      customer: { first_name: "Madonna", last_name: "Ciccone", phone: "+1 5550100" },
    },
    {
      name: "a one-word contact and no buyer last name leaves the last name empty",
      snapshot: snapshot({ address: { contact_person: "Madonna" }, buyer: { first_name: null, last_name: null } }),
      address: expect.objectContaining({ first_name: "Madonna", last_name: "" }),
      customer: { first_name: "Madonna", last_name: "", phone: "+1 5550100" },
    },
    {
      name: "no contact person: the buyer profile names",
      snapshot: snapshot({ address: { contact_person: null }, buyer: { first_name: "Ann", last_name: "Lee" } }),
      address: expect.objectContaining({ first_name: "Ann", last_name: "Lee" }),
      customer: { first_name: "Ann", last_name: "Lee", phone: "+1 5550100" },
    },
    {
      name: "the buyer profile names win for the customer, the contact for the address",
      snapshot: snapshot({ address: { contact_person: "Bob Smith" }, buyer: { first_name: "Robert", last_name: "Smithson" } }),
      address: expect.objectContaining({ first_name: "Bob", last_name: "Smith" }),
      customer: { first_name: "Robert", last_name: "Smithson", phone: "+1 5550100" },
    },
    {
      name: "a bare address: empty strings, no phone, country defaults to us",
      snapshot: snapshot({
        address: {
          contact_person: null,
          address_1: null,
          address_2: null,
          city: null,
          province: null,
          postal_code: null,
          country_code: null,
          phone: null,
        },
        buyer: { first_name: null, last_name: null },
      }),
      address: {
        first_name: "",
        last_name: "",
        address_1: "",
        address_2: "",
        city: "",
        province: "",
        postal_code: "",
        country_code: "us",
        phone: "",
      },
      customer: { first_name: "", last_name: "", phone: null },
    },
    {
      name: "a foreign address keeps its country code",
      snapshot: snapshot({ address: { country_code: "de", city: "Berlin", province: null, postal_code: "10115" } }),
      address: expect.objectContaining({ country_code: "de", city: "Berlin", province: "", postal_code: "10115" }),
      customer: { first_name: "Jane", last_name: "Doe", phone: "+1 5550100" },
    },
  ]

  it.each(addressCases)("address: $name", ({ snapshot: snap, address, customer }) => {
    const plan = planMedusaOrder(snap, bothMatched, importContext())
    expect(plan.order!.shipping_address).toEqual(address)
    expect(plan.order!.billing_address).toEqual(plan.order!.shipping_address)
    expect(plan.customer).toMatchObject(customer)
  })

  it.each([
    { name: "the login id, lower-cased", login: "US1234567", email: "us1234567@buyer.aliexpress.invalid" },
    { name: "characters an address cannot hold become dashes", login: "Jane Doe+shop!", email: "jane-doe-shop@buyer.aliexpress.invalid" },
    { name: "no login id: one address per order", login: null, email: "order-8180000000000001@buyer.aliexpress.invalid" },
    { name: "a login id of symbols only: one address per order", login: "!!!", email: "order-8180000000000001@buyer.aliexpress.invalid" },
  ])("email: $name", ({ login, email }) => {
    const plan = planMedusaOrder(snapshot({ buyer: { login_id: login } }), bothMatched, importContext())
    expect(plan.email).toBe(email)
    expect(plan.customer.email).toBe(email)
    expect(plan.order!.email).toBe(email)
    expect(plan.customer.metadata).toEqual({ aliexpress_buyer_login_id: login })
    expect(plan.order!.metadata.aliexpress_buyer_login_id).toBe(login)
  })
})

describe("plannedOrderTotal", () => {
  it.each([
    { name: "lines and shipping", items: [{ unit_price: 19.99, quantity: 3 }], shipping: [4.5], total: 64.47 },
    { name: "several lines, free shipping", items: [{ unit_price: 0.1, quantity: 3 }, { unit_price: 0.2, quantity: 1 }], shipping: [0], total: 0.5 },
    { name: "no shipping method", items: [{ unit_price: 12, quantity: 1 }], shipping: [], total: 12 },
  ])("$name", ({ items, shipping, total }) => {
    expect(plannedOrderTotal({ items, shipping_methods: shipping.map((amount) => ({ amount })) })).toBe(total)
  })
})
