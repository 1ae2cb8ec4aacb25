import { reservationOrderOf, toReservationItems } from "../../../src/lib/orders/reservations"

type Level = { location_id: string; stocked_quantity?: number | null; reserved_quantity?: number | null }

function line(opts: {
  id?: string
  quantity?: number | string
  manage_inventory?: boolean
  allow_backorder?: boolean
  links?: Array<{ inventory_item_id: string; required_quantity?: number | null; levels?: Level[] }>
}) {
  return {
    id: opts.id ?? "li_1",
    quantity: opts.quantity ?? 2,
    variant: {
      manage_inventory: opts.manage_inventory ?? true,
      allow_backorder: opts.allow_backorder ?? false,
      inventory_items: (opts.links ?? [{ inventory_item_id: "iitem_1" }]).map((l) => ({
        inventory_item_id: l.inventory_item_id,
        required_quantity: l.required_quantity,
        inventory: { location_levels: l.levels ?? [] },
      })),
    },
  }
}

const channel = ["sloc_a", "sloc_b", "sloc_c"]

describe("toReservationItems", () => {
  it.each([
    { name: "no order", order: null, expected: [] },
    { name: "an order with no lines", order: { items: [] }, expected: [] },
    { name: "a variant without managed inventory reserves nothing", order: { items: [line({ manage_inventory: false })] }, expected: [] },
    { name: "a line without a variant reserves nothing", order: { items: [{ id: "li_9", quantity: 1, variant: null }] }, expected: [] },
    {
      name: "stock at the first location: the channel order is kept",
      order: { items: [line({ links: [{ inventory_item_id: "iitem_1", levels: [{ location_id: "sloc_a", stocked_quantity: 5, reserved_quantity: 0 }] }] })] },
      expected: [{ id: "li_1", inventory_item_id: "iitem_1", required_quantity: 1, allow_backorder: false, quantity: 2, location_ids: ["sloc_a", "sloc_b", "sloc_c"] }],
    },
    {
      name: "the first location with enough available stock goes first",
      order: {
        items: [
          line({
            links: [
              {
                inventory_item_id: "iitem_1",
                levels: [
                  { location_id: "sloc_a", stocked_quantity: 5, reserved_quantity: 4 },
                  { location_id: "sloc_c", stocked_quantity: 2, reserved_quantity: 0 },
                ],
              },
            ],
          }),
        ],
      },
      expected: [expect.objectContaining({ location_ids: ["sloc_c", "sloc_a", "sloc_b"] })],
    },
    {
      name: "no location has enough: the first channel location with a level goes first",
      order: {
        items: [
          line({
            quantity: 10,
            links: [
              {
                inventory_item_id: "iitem_1",
                levels: [
                  { location_id: "sloc_b", stocked_quantity: 1, reserved_quantity: 0 },
                  { location_id: "sloc_c", stocked_quantity: 3, reserved_quantity: 0 },
                ],
              },
            ],
          }),
        ],
      },
      expected: [expect.objectContaining({ quantity: 10, location_ids: ["sloc_b", "sloc_a", "sloc_c"] })],
    },
    {
      name: "levels at locations outside the channel are ignored",
      order: {
        items: [
          line({
            links: [
              {
                inventory_item_id: "iitem_1",
                levels: [
                  { location_id: "sloc_elsewhere", stocked_quantity: 100, reserved_quantity: 0 },
                  { location_id: "sloc_b", stocked_quantity: 9, reserved_quantity: 0 },
                ],
              },
            ],
          }),
        ],
      },
      expected: [expect.objectContaining({ location_ids: ["sloc_b", "sloc_a", "sloc_c"] })],
    },
    {
      name: "no levels at all: the channel order as it is",
      order: { items: [line({ links: [{ inventory_item_id: "iitem_1", levels: [] }] })] },
      expected: [expect.objectContaining({ location_ids: channel })],
    },
    {
      name: "a kit needs its required quantity per unit",
      order: {
        items: [
          line({
            quantity: 2,
            links: [
              {
                inventory_item_id: "iitem_kit",
                required_quantity: 3,
                levels: [
                  { location_id: "sloc_a", stocked_quantity: 5, reserved_quantity: 0 },
                  { location_id: "sloc_b", stocked_quantity: 6, reserved_quantity: 0 },
                ],
              },
            ],
          }),
        ],
      },
      expected: [expect.objectContaining({ inventory_item_id: "iitem_kit", required_quantity: 3, quantity: 2, location_ids: ["sloc_b", "sloc_a", "sloc_c"] })],
    },
    {
      name: "missing stock and reservation figures count as 0",
      order: {
        items: [
          line({
            quantity: 1,
            links: [
              {
                inventory_item_id: "iitem_1",
                required_quantity: null,
                levels: [
                  { location_id: "sloc_a", stocked_quantity: null, reserved_quantity: null },
                  { location_id: "sloc_b", stocked_quantity: 1 },
                ],
              },
            ],
          }),
        ],
      },
      expected: [expect.objectContaining({ required_quantity: 1, location_ids: ["sloc_b", "sloc_a", "sloc_c"] })],
    },
    {
      name: "one reservation per inventory item, backorder passed on, quantity as a number",
      order: {
        items: [
          line({
            id: "li_bundle",
            quantity: "1",
            allow_backorder: true,
            links: [{ inventory_item_id: "iitem_x" }, { inventory_item_id: "iitem_y", required_quantity: 2 }],
          }),
          line({ id: "li_plain", manage_inventory: false }),
        ],
      },
      expected: [
        { id: "li_bundle", inventory_item_id: "iitem_x", required_quantity: 1, allow_backorder: true, quantity: 1, location_ids: channel },
        { id: "li_bundle", inventory_item_id: "iitem_y", required_quantity: 2, allow_backorder: true, quantity: 1, location_ids: channel },
      ],
    },
  ])("$name", ({ order, expected }) => {
    expect(toReservationItems(order, channel)).toEqual(expected)
  })
})

describe("reservationOrderOf", () => {
  const stock = (inventoryItemId: string, levels: Array<[string, number, number]>) => ({
    manage_inventory: true,
    allow_backorder: false,
    inventory_items: [
      {
        inventory_item_id: inventoryItemId,
        required_quantity: 1,
        inventory: { location_levels: levels.map(([location_id, stocked_quantity, reserved_quantity]) => ({ location_id, stocked_quantity, reserved_quantity })) },
      },
    ],
  })
  const match = (variantId: string, inventoryItemId: string, levels: Array<[string, number, number]>) =>
    ({ sku_code: `SKU-${variantId}`, variant_id: variantId, product_id: "prod_1", title: "T", product_title: "P", details: {} as any, stock: stock(inventoryItemId, levels) }) as any

  it.each([
    {
      name: "joins each created line to its variant's stock and reserves at the location with enough",
      items: [{ id: "line_1", quantity: 2, variant_id: "var_1" }],
      matches: [match("var_1", "inv_1", [["loc_a", 1, 0], ["loc_b", 5, 1]])],
      expected: [{ id: "line_1", inventory_item_id: "inv_1", required_quantity: 1, allow_backorder: false, quantity: 2, location_ids: ["loc_b", "loc_a"] }],
    },
    {
      name: "a line whose variant was not matched reserves nothing",
      items: [{ id: "line_1", quantity: 1, variant_id: "var_9" }],
      matches: [match("var_1", "inv_1", [["loc_a", 5, 0]])],
      expected: [],
    },
    {
      name: "a variant whose stock is not managed reserves nothing",
      items: [{ id: "line_1", quantity: 1, variant_id: "var_1" }],
      matches: [{ ...match("var_1", "inv_1", [["loc_a", 5, 0]]), stock: { ...stock("inv_1", []), manage_inventory: false } }],
      expected: [],
    },
  ])("$name", ({ items, matches, expected }) => {
    expect(toReservationItems(reservationOrderOf({ items }, matches), ["loc_a", "loc_b"])).toEqual(expected)
  })
})
