/** The SKU codes a held order waits for (its problems name them); older rows name them in the message only. */
export function missingSkusOf(problems: unknown): string[] {
  if (!Array.isArray(problems)) {
    return []
  }
  return problems.flatMap((p: { field?: string; sku_code?: string; message?: string }) => {
    if (p?.field !== "sku_code") return []
    if (p.sku_code) return [p.sku_code]
    const quoted = /SKU "([^"]+)"/.exec(p.message ?? "")
    return quoted ? [quoted[1]] : []
  })
}
