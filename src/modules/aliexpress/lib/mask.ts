const MASK = "********"

/** Shows only the last four characters, as payment dashboards do. */
export function maskSecret(value: string | null | undefined): string | null {
  if (!value) {
    return null
  }
  return MASK + value.slice(-4)
}

/** A value the admin sent back unchanged from a masked read must not overwrite the secret. */
export function isMasked(value: unknown): boolean {
  return typeof value === "string" && value.startsWith(MASK)
}
