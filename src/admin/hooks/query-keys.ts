/**
 * Key factories: every AliExpress query key starts with "aliexpress" so one invalidation refreshes
 * all. Keys of data read through one seller account carry its id ("" for the store's only account),
 * so switching accounts never shows the previous account's cached answer.
 */
const root = ["aliexpress"] as const

type AccountKey = string | undefined

export const aliexpressKeys = {
  all: root,
  accounts: () => [...root, "accounts"] as const,
  settings: (account?: AccountKey) => [...root, "settings", account ?? ""] as const,
  overview: (account?: AccountKey) => [...root, "overview", account ?? ""] as const,
  activity: (account: AccountKey, days: number) => [...root, "activity", account ?? "", days] as const,
  sources: (account: AccountKey) => [...root, "sources", account ?? ""] as const,
  listings: {
    all: () => [...root, "listings"] as const,
    list: (account: AccountKey, query: Record<string, unknown>) => [...root, "listings", "list", account ?? "", query] as const,
    detail: (id: string) => [...root, "listings", "detail", id] as const,
    byProduct: (productId: string) => [...root, "listings", "product", productId] as const,
  },
  orders: {
    all: () => [...root, "orders"] as const,
    list: (account: AccountKey, query: Record<string, unknown>) => [...root, "orders", "list", account ?? "", query] as const,
    byOrder: (orderId: string) => [...root, "orders", "order", orderId] as const,
  },
  shipments: {
    all: () => [...root, "shipments"] as const,
    list: (account: AccountKey, query: Record<string, unknown>) => [...root, "shipments", "list", account ?? "", query] as const,
  },
  templates: {
    all: () => [...root, "templates"] as const,
  },
  lookupLists: {
    all: () => [...root, "lookup-lists"] as const,
  },
  /** without arguments: the prefix of every account's and category's attributes */
  categoryAttributes: (account?: AccountKey, categoryId?: string) =>
    (account === undefined && categoryId === undefined
      ? [...root, "category-attributes"]
      : [...root, "category-attributes", account ?? "", categoryId ?? ""]) as readonly string[],
  /** `what` before the account, so every account's category tree can be searched by one prefix */
  reference: (what: string, account?: AccountKey, arg?: string) => [...root, "reference", what, account ?? "", arg ?? ""] as const,
  preview: (input: unknown) => [...root, "preview", input] as const,
  medusa: (what: string, query?: Record<string, unknown>) => [...root, "medusa", what, query ?? {}] as const,
}
