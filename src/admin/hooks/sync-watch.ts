import type { QueryClient } from "@tanstack/react-query"
import { aliexpressKeys } from "./query-keys"

/**
 * The overview polls about every 2 s while a sync runs and stops fast polling once it is idle.
 * A save that starts a sync (rules, template, lookup list) opens a short watch window, so the
 * run is seen starting before its first "running" progress has been read.
 */
export const SYNC_POLL_MS = 2000
export const IDLE_POLL_MS = 15000
const WATCH_MS = 20000

const watchKey = [...aliexpressKeys.all, "sync-watch"] as const

/** Called after a save that queued products: poll fast for a while, and refresh now. */
export function watchSync(qc: QueryClient, productsToUpdate: number | undefined): void {
  if (!productsToUpdate) {
    return
  }
  qc.setQueryData(watchKey, Date.now() + WATCH_MS)
  // Every account's overview: the save may have queued products of any of them.
  void qc.invalidateQueries({ queryKey: [...aliexpressKeys.all, "overview"] })
}

/** The overview's poll interval: fast while a sync runs or was just started, slow otherwise. */
export function overviewPollMs(qc: QueryClient, state: string | undefined): number {
  const until = qc.getQueryData<number>(watchKey) ?? 0
  return state === "running" || Date.now() < until ? SYNC_POLL_MS : IDLE_POLL_MS
}

/** "Settings saved · 120 products will be updated" */
export function savedMessage(what: string, productsToUpdate: number | undefined): string {
  if (!productsToUpdate) {
    return what
  }
  return `${what} · ${productsToUpdate} product${productsToUpdate === 1 ? "" : "s"} will be updated`
}
