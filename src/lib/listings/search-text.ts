/** What the admin's `q` searches: the title and the SKU codes, lower-cased. */
export function searchText(title: string | null | undefined, skuCodes: string[]): string {
  return [title ?? "", ...skuCodes].join(" ").toLowerCase()
}
