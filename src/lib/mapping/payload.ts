import type { PostProductRequest as PostProductDto, PostProductSku } from "../aliexpress"

/** `sku_attributes_list` entry: variations are by Color and Size only. */
export type SkuAttribute = {
  sku_attribute_name: "Color" | "Size"
  sku_attribute_value: string
}

/**
 * `attribute_list` element, by the DTO's four fill types: 1) name id + value id (one element per
 * value of a multi-select); 2) name id + free text; 3) name id + the "Other" value id + text;
 * 4) a custom name + value.
 */
export type AttributeListEntry = {
  aliexpress_attribute_name_id?: number
  aliexpress_attribute_value_id?: number
  attribute_name?: string
  attribute_value?: string
}

export type SkuInfo = PostProductSku & {
  /** the variant's SKU: the product number the seller knows the item by */
  sku_code: string
  /** USD, 2 decimals */
  price: string
  discount_price?: string
  inventory: number
  sku_attributes_list: SkuAttribute[]
  sku_image_url?: string
}

/**
 * `post_product_request` of aliexpress.solution.product.post as the mapping builds it: the
 * client's own DTO type, with the fields the mapping always fills made required and exact. A
 * mapped payload is thus a client request as it stands, with no conversion or cast.
 */
export type PostProductRequest = PostProductDto & {
  aliexpress_category_id: number
  language: "en"
  multi_language_subject_list: { language: "en"; subject: string }[]
  multi_language_description_list: {
    language: "en"
    web_detail: string
    mobile_detail: string
  }[]
  main_image_urls_list: string[]
  sku_info_list: SkuInfo[]
  attribute_list: AttributeListEntry[]
  /** integer cm */
  package_length: number
  package_width: number
  package_height: number
  /** kg, 3 decimals */
  weight: string
  /** days */
  shipping_lead_time: number
  freight_template_id: number
  /** 0 = the seller's default service template */
  service_policy_id: number
  product_unit: number
  lot_num: number
  /** true when sold in lots (lot_num > 1) */
  package_type: boolean
  keywords: string
}
