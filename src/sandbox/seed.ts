/** Reference data of the sandbox seller: account, categories, templates, carriers. */

export const SELLER = {
  seller_id: "2000000001",
  user_id: "2000000001",
  user_nick: "demo-seller",
  account: "demo-seller@example.com",
  shop_id: 910000001,
  shop_name: "Demo Seller Store",
  country_code: "US",
}

export interface SeedCategory {
  id: number
  parent: number
  level: number
  names: Record<string, string>
  leaf: boolean
}

const cat = (id: number, parent: number, level: number, leaf: boolean, en: string, es: string, fr: string): SeedCategory => ({
  id,
  parent,
  level,
  leaf,
  names: { en, es, fr },
})

export const CATEGORIES: SeedCategory[] = [
  cat(200000297, 0, 1, false, "Apparel & Accessories", "Ropa y accesorios", "Vêtements et accessoires"),
  cat(200000343, 200000297, 2, false, "Men's Clothing", "Ropa de hombre", "Vêtements pour hommes"),
  cat(200000346, 200000343, 3, true, "T-Shirts", "Camisetas", "T-shirts"),
  cat(200000347, 200000343, 3, true, "Hoodies & Sweatshirts", "Sudaderas", "Sweats à capuche"),
  cat(200000345, 200000297, 2, false, "Women's Clothing", "Ropa de mujer", "Vêtements pour femmes"),
  cat(200000348, 200000345, 3, true, "Dresses", "Vestidos", "Robes"),
  cat(200000349, 200000345, 3, true, "Blouses & Shirts", "Blusas y camisas", "Chemisiers"),
  cat(200000532, 0, 1, false, "Home & Garden", "Hogar y jardín", "Maison et jardin"),
  cat(200000533, 200000532, 2, false, "Kitchen, Dining & Bar", "Cocina y comedor", "Cuisine et salle à manger"),
  cat(200000534, 200000533, 3, true, "Mugs", "Tazas", "Tasses"),
  cat(200000600, 0, 1, false, "Shoes", "Zapatos", "Chaussures"),
  cat(200000601, 200000600, 2, true, "Sneakers", "Zapatillas", "Baskets"),
]

/** AliExpress sku_property_id of the two supported SKU attributes. */
export const SKU_ATTRIBUTES: Record<string, { id: number; values: Record<string, number> }> = {
  Color: {
    id: 14,
    values: { Black: 193, White: 29, Red: 10, Blue: 173, Green: 175, Yellow: 366, Gray: 691, Pink: 1052, Beige: 200004890, Brown: 365458 },
  },
  Size: {
    id: 5,
    values: { XS: 100014064, S: 361386, M: 361385, L: 100014065, XL: 4182, XXL: 4183, XXXL: 200000990 },
  },
}

export const FREIGHT_TEMPLATES = [
  { template_id: 1000, template_name: "Free Shipping", is_default: true },
  { template_id: 1001, template_name: "Standard Shipping US", is_default: false },
]

export const SERVICE_TEMPLATES = [
  { id: 1001001, name: "Service Template for New Sellers" },
  { id: 1001002, name: "15-Day Returns" },
]

export const PRODUCT_UNITS: Record<number, string> = {
  100000000: "bag",
  100000013: "pair",
  100000014: "pack",
  100000015: "piece",
  100000017: "set",
}

export interface LogisticsService {
  service_name: string
  display_name: string
  logistics_company: string
  tracking_no_regex: string
  min_process_day: number
  max_process_day: number
  recommend_order: number
  requires_website: boolean
}

export const LOGISTICS_SERVICES: LogisticsService[] = [
  {
    service_name: "CAINIAO_STANDARD",
    display_name: "AliExpress Standard Shipping",
    logistics_company: "CAINIAO",
    tracking_no_regex: "^[A-Z]{2}[0-9]{9}[A-Z]{2}$",
    min_process_day: 1,
    max_process_day: 7,
    recommend_order: 1,
    requires_website: false,
  },
  {
    service_name: "UPS",
    display_name: "UPS Express Saver",
    logistics_company: "UPS",
    tracking_no_regex: "^1Z[0-9A-Z]{16}$",
    min_process_day: 1,
    max_process_day: 5,
    recommend_order: 2,
    requires_website: false,
  },
  {
    service_name: "USPS",
    display_name: "USPS",
    logistics_company: "USPS",
    tracking_no_regex: "^(9[2-5][0-9]{20}|[A-Z]{2}[0-9]{9}US)$",
    min_process_day: 1,
    max_process_day: 5,
    recommend_order: 3,
    requires_website: false,
  },
  {
    service_name: "DHL",
    display_name: "DHL Express",
    logistics_company: "DHL",
    tracking_no_regex: "^[0-9]{10}$",
    min_process_day: 1,
    max_process_day: 4,
    recommend_order: 4,
    requires_website: false,
  },
  {
    service_name: "OTHER_US_OVERSEAS",
    display_name: "Seller's Shipping Method - US",
    logistics_company: "OTHER",
    tracking_no_regex: "^[A-Za-z0-9]{6,30}$",
    min_process_day: 1,
    max_process_day: 10,
    recommend_order: 5,
    requires_website: true,
  },
]

export const FIRST_PRODUCT_ID = 1005006000000000001n
export const FIRST_ORDER_ID = 8200000000000000001n
export const FIRST_CHILD_ID = 8200100000000000001n
/** Sellers created through `POST /__sandbox/sellers` are numbered on from the seeded one. */
export const FIRST_SELLER_ID = 2000000002n

/** Ship-by deadline of a paid order. */
export const SHIP_DEADLINE_MS = 5 * 24 * 3600 * 1000

export const DEMO_BUYERS = [
  { login_id: "us1029384756abcd", first_name: "Emma", last_name: "Johnson", email: "emma.johnson@example.com", country: "US" },
  { login_id: "us5647382910efgh", first_name: "Liam", last_name: "Smith", email: "liam.smith@example.com", country: "US" },
  { login_id: "es1122334455ijkl", first_name: "Lucía", last_name: "García", email: "lucia.garcia@example.com", country: "ES" },
]

export const DEMO_ADDRESSES = [
  { contact_person: "Emma Johnson", address: "1200 Market Street", address2: "Apt 4B", city: "San Francisco", province: "California", country: "US", zip: "94102", phone_number: "4155550142" },
  { contact_person: "Liam Smith", address: "77 Elm Avenue", address2: "", city: "Austin", province: "Texas", country: "US", zip: "78701", phone_number: "5125550199" },
  { contact_person: "Lucía García", address: "Calle Mayor 12", address2: "2º izq.", city: "Madrid", province: "Madrid", country: "ES", zip: "28013", phone_number: "915550123" },
]
