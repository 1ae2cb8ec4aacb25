import { useEffect, useState } from "react"
import { useSearchParams } from "react-router-dom"

/** The value of a select filter that means "no filter"; it is left out of the URL. */
export const ALL = "all"

/**
 * A list page's filters live in the URL (so a filtered view can be shared and survives a
 * reload): `update` writes a patch of them, dropping empty and "all" values, and goes back to
 * the first page unless the patch moves the page itself. The search box updates `q` as the
 * merchant types, without a request per keystroke.
 */
export function useListFilters(debounceMs = 300) {
  const [params, setParams] = useSearchParams()
  const [search, setSearch] = useState(params.get("q") ?? "")

  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params)
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === "" || v === ALL) next.delete(k)
      else next.set(k, v)
    }
    if (!("offset" in patch)) next.delete("offset")
    setParams(next, { replace: true })
  }

  useEffect(() => {
    const t = setTimeout(() => {
      if ((params.get("q") ?? "") !== search) update({ q: search || null })
    }, debounceMs)
    return () => clearTimeout(t)
  }, [search])

  return {
    params,
    update,
    search,
    setSearch,
    offset: Number(params.get("offset") ?? 0),
    q: params.get("q") || undefined,
  }
}
