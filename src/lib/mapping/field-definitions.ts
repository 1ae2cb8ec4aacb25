import type { FieldDefinition, FieldKey } from "./types"

const photo = (n: number): FieldDefinition => ({
  key: `photo_${n}` as FieldKey,
  label: `Photo ${n}`,
  required: n === 1,
  help:
    (n === 1 ? "Main image. " : "") +
    "Image URL (jpg, gif or png). At most 6 photos in all; they are uploaded to the AliExpress image bank before listing.",
  kind: "image",
})

/** The AliExpress listing fields a template maps, in form order. */
export const FIELD_DEFINITIONS: readonly FieldDefinition[] = [
  {
    key: "category_id",
    label: "Category ID",
    required: true,
    help: "AliExpress leaf category id (a category with no sub-categories).",
    kind: "id",
  },
  {
    key: "subject",
    label: "Product Name",
    required: true,
    help: "Listing title in English, at most 128 characters (the template's title limit).",
    kind: "text",
  },
  {
    key: "description",
    label: "Description",
    required: true,
    help: "HTML description in English. Basic formatting tags and http(s) images only; scripts, forms and frames are removed.",
    kind: "html",
  },
  {
    key: "mobile_description",
    label: "Mobile Description",
    required: false,
    help: "HTML description for the app; when not mapped, the Description is used.",
    kind: "html",
  },
  {
    key: "keywords",
    label: "Keyword",
    required: true,
    help: "Search keywords in English, at most 128 characters.",
    kind: "text",
  },
  photo(1),
  photo(2),
  photo(3),
  photo(4),
  photo(5),
  photo(6),
  {
    key: "retail_price",
    label: "Retail Price (USD)",
    required: false,
    help: "Price per SKU, 0.01-999999 USD; markup and rounding from the price rules are applied after. When not mapped: the variant's USD price, or its store-currency price converted with the price rules.",
    kind: "price",
    per_variant: true,
  },
  {
    key: "lot_size",
    label: "Sold in Lots",
    required: true,
    help: "Pieces per lot, an integer 1-100000; 1 means sold by the piece.",
    kind: "integer",
  },
  {
    key: "unit_type",
    label: "Unit Type",
    required: true,
    help: "Unit of sale: a name such as piece, pair, set, pack, box, or an AliExpress unit id such as 100000015.",
    kind: "id",
  },
  {
    key: "package_length",
    label: "Package Length (cm)",
    required: true,
    help: "Package length, 1-700 cm (rounded up to whole cm; source unit from the template settings).",
    kind: "number",
  },
  {
    key: "package_width",
    label: "Package Width (cm)",
    required: true,
    help: "Package width, 1-700 cm (rounded up to whole cm; source unit from the template settings).",
    kind: "number",
  },
  {
    key: "package_height",
    label: "Package Height (cm)",
    required: true,
    help: "Package height, 1-700 cm (rounded up to whole cm; source unit from the template settings).",
    kind: "number",
  },
  {
    key: "weight",
    label: "Package Weight (kg)",
    required: true,
    help: "Gross weight, 0.001-500 kg (source unit from the template settings, grams by default).",
    kind: "number",
  },
  {
    key: "delivery_time",
    label: "Delivery Time",
    required: true,
    help: "Days to ship after payment, an integer 1-60.",
    kind: "integer",
  },
  {
    key: "freight_template_id",
    label: "Freight Template",
    required: true,
    help: "Id of one of the seller's AliExpress freight (shipping) templates.",
    kind: "id",
  },
  {
    key: "service_template_id",
    label: "Service Template",
    required: true,
    help: "Id of an AliExpress service (promise) template; 0 uses the seller's default.",
    kind: "id",
  },
  {
    key: "brand",
    label: "Brand",
    required: true,
    help: "Brand name in English; NoBrand for unbranded goods.",
    kind: "text",
  },
]

export const FIELD_LABELS = Object.fromEntries(
  FIELD_DEFINITIONS.map((d) => [d.key, d.label])
) as Record<FieldKey, string>
