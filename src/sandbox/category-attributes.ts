/**
 * Item attributes ("item specifics") and SKU attributes of the sandbox's leaf categories, in the
 * shape `aliexpress.solution.sku.attribute.query` answers with (shared/aliexpress-api.md §5).
 */

/** How an attribute is filled: one value of the list, several, or free text. */
export type AttributeInput = "list_box" | "check_box" | "input"

export interface SeedAttributeValue {
  id: number
  name: string
}

export interface SeedAttribute {
  id: number
  name: string
  required: boolean
  input: AttributeInput
  values: SeedAttributeValue[]
}

export interface SeedSkuAttribute {
  id: number
  name: string
  required: boolean
  customName: boolean
  customPicture: boolean
  values: SeedAttributeValue[]
}

export interface SeedCategoryAttributes {
  attributes: SeedAttribute[]
  sku: SeedSkuAttribute[]
}

/** The value id that stands for "Other": sent with a free-text `attribute_value`. */
export const OTHER_VALUE_ID = 4

const v = (id: number, name: string): SeedAttributeValue => ({ id, name })
const OTHER = v(OTHER_VALUE_ID, "Other")

export const BRAND_NAME: SeedAttribute = {
  id: 2,
  name: "Brand Name",
  required: true,
  input: "list_box",
  values: [v(201512802, "NoBrand"), v(203004001, "Northwind"), v(203004002, "Acme"), v(203004003, "Contoso"), OTHER],
}

export const ORIGIN: SeedAttribute = {
  id: 219,
  name: "Origin",
  required: true,
  input: "list_box",
  values: [
    v(9441741844, "Mainland China"),
    v(9441741845, "United States"),
    v(9441741846, "Vietnam"),
    v(9441741847, "India"),
    v(9441741848, "Bangladesh"),
    v(9441741849, "Turkey"),
    v(9441741850, "Portugal"),
    v(9441741851, "Italy"),
    v(9441741852, "Mexico"),
    v(9441741853, "Pakistan"),
    v(9441741854, "Indonesia"),
    v(9441741855, "Spain"),
  ],
}

const CLOTHING_MATERIAL: SeedAttribute = {
  id: 10,
  name: "Material",
  required: true,
  input: "check_box",
  values: [
    v(47, "Cotton"),
    v(48, "Polyester"),
    v(1386, "Linen"),
    v(1388, "Spandex"),
    v(49, "Nylon"),
    v(50, "Wool"),
    v(1387, "Silk"),
    v(200573134, "Viscose"),
    v(200001213, "Acrylic"),
    OTHER,
  ],
}

const GENDER: SeedAttribute = {
  id: 284,
  name: "Gender",
  required: false,
  input: "list_box",
  values: [v(100006040, "Men"), v(100006041, "Women"), v(100006042, "Unisex"), v(100006043, "Boys"), v(100006044, "Girls")],
}

const SLEEVE_LENGTH: SeedAttribute = {
  id: 200000463,
  name: "Sleeve Length",
  required: false,
  input: "list_box",
  values: [v(200003526, "Short"), v(200003527, "Full"), v(200003528, "Sleeveless"), v(200003529, "Three Quarter")],
}

const MODEL_NUMBER: SeedAttribute = { id: 3, name: "Model Number", required: false, input: "input", values: [] }

const COLOR_VALUES = [
  v(193, "Black"),
  v(29, "White"),
  v(10, "Red"),
  v(173, "Blue"),
  v(175, "Green"),
  v(366, "Yellow"),
  v(691, "Gray"),
  v(1052, "Pink"),
  v(200004890, "Beige"),
  v(365458, "Brown"),
]

const COLOR: SeedSkuAttribute = { id: 14, name: "Color", required: false, customName: true, customPicture: true, values: COLOR_VALUES }

const CLOTHING_SIZE: SeedSkuAttribute = {
  id: 5,
  name: "Size",
  required: false,
  customName: true,
  customPicture: false,
  values: [v(100014064, "XS"), v(361386, "S"), v(361385, "M"), v(100014065, "L"), v(4182, "XL"), v(4183, "XXL"), v(200000990, "XXXL")],
}

/** Shoe sizes are a closed list: a custom size name is refused. */
const SHOE_SIZE: SeedSkuAttribute = {
  id: 200000124,
  name: "Size",
  required: false,
  customName: false,
  customPicture: false,
  values: ["36", "37", "38", "39", "40", "41", "42", "43", "44", "45"].map((s, i) => v(200000364 + i, s)),
}

const clothing = (): SeedCategoryAttributes => ({
  attributes: [BRAND_NAME, ORIGIN, CLOTHING_MATERIAL, GENDER, SLEEVE_LENGTH, MODEL_NUMBER],
  sku: [COLOR, CLOTHING_SIZE],
})

const MUG_MATERIAL: SeedAttribute = {
  id: 10,
  name: "Material",
  required: true,
  input: "list_box",
  values: [v(200003001, "Ceramic"), v(200003002, "Glass"), v(200003003, "Stainless Steel"), v(200003004, "Porcelain"), OTHER],
}

const CAPACITY: SeedAttribute = { id: 200001015, name: "Capacity", required: false, input: "input", values: [] }

const UPPER_MATERIAL: SeedAttribute = {
  id: 200000148,
  name: "Upper Material",
  required: true,
  input: "list_box",
  values: [v(200004001, "Mesh"), v(200004002, "Canvas"), v(200004003, "Genuine Leather"), v(200004004, "PU"), OTHER],
}

const SHOE_GENDER: SeedAttribute = { ...GENDER, required: true }

/** Leaf category id -> its attributes. */
export const CATEGORY_ATTRIBUTES: Record<number, SeedCategoryAttributes> = {
  200000346: clothing(),
  200000347: clothing(),
  200000348: clothing(),
  200000349: clothing(),
  200000534: { attributes: [BRAND_NAME, ORIGIN, MUG_MATERIAL, CAPACITY], sku: [COLOR] },
  200000601: { attributes: [BRAND_NAME, ORIGIN, UPPER_MATERIAL, SHOE_GENDER, MODEL_NUMBER], sku: [COLOR, SHOE_SIZE] },
}

/** A valid `attribute_list` for a category: the first value of each required attribute (for tests and tools). */
export function sampleAttributeList(categoryId: number): Record<string, unknown>[] {
  const category = CATEGORY_ATTRIBUTES[categoryId]
  if (!category) {
    return []
  }
  return category.attributes
    .filter((a) => a.required)
    .map((a) =>
      a.input === "input"
        ? { aliexpress_attribute_name_id: a.id, attribute_value: "n/a" }
        : { aliexpress_attribute_name_id: a.id, aliexpress_attribute_value_id: a.values[0].id }
    )
}
