/** Key factories: every AliExpress query key starts with "aliexpress" so one invalidation refreshes all. */
const root = ["aliexpress"] as const

export const aliexpressKeys = {
  all: root,
  settings: () => [...root, "settings"] as const,
  overview: () => [...root, "overview"] as const,
  listings: {
    all: () => [...root, "listings"] as const,
    list: (query: Record<string, unknown>) => [...root, "listings", "list", query] as const,
    detail: (id: string) => [...root, "listings", "detail", id] as const,
    byProduct: (productId: string) => [...root, "listings", "product", productId] as const,
  },
  orders: {
    all: () => [...root, "orders"] as const,
    list: (query: Record<string, unknown>) => [...root, "orders", "list", query] as const,
    byOrder: (orderId: string) => [...root, "orders", "order", orderId] as const,
  },
  shipments: {
    all: () => [...root, "shipments"] as const,
    list: (query: Record<string, unknown>) => [...root, "shipments", "list", query] as const,
  },
  templates: {
    all: () => [...root, "templates"] as const,
  },
  lookupLists: {
    all: () => [...root, "lookup-lists"] as const,
  },
  categoryAttributes: (categoryId?: string) =>
    (categoryId ? [...root, "category-attributes", categoryId] : [...root, "category-attributes"]) as readonly string[],
  reference: (what: string, arg?: string) => [...root, "reference", what, arg ?? ""] as const,
  preview: (input: unknown) => [...root, "preview", input] as const,
  medusa: (what: string, query?: Record<string, unknown>) => [...root, "medusa", what, query ?? {}] as const,
}
