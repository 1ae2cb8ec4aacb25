import type { Api } from "./medusa-env"
import { ProgressBar } from "./progress"
import { memoryOf, sleep } from "./medusa-env"

export type SyncOutcome = {
  wallMs: number
  progress: any
  /** how long "Sync now" took to answer (it queues every product before it does) */
  requestMs: number
}

/**
 * "Sync now" over the admin API, then polls the progress until the run that started after the
 * request has finished. Wall time runs from the request to the run's own `finished_at`.
 */
export async function syncNow(api: Api, label: string, timeoutMs: number, memory?: MemoryTrace): Promise<SyncOutcome> {
  const t0 = Date.now()
  const trace = memory && traceMemory(memory, label, t0)
  const { requested } = await api.post("/admin/aliexpress/sync", {})
  return followRun(api, label, timeoutMs, { t0, requestMs: Date.now() - t0, requested, trace })
}

/**
 * A settings save that moves a price or quantity rule queues every listing and starts a run
 * itself, as it does for a merchant, who presses nothing else: timed from the save to the end
 * of the run that started after it.
 */
export async function saveSettings(api: Api, body: Record<string, unknown>, label: string, timeoutMs: number, memory?: MemoryTrace): Promise<SyncOutcome> {
  const t0 = Date.now()
  const trace = memory && traceMemory(memory, label, t0)
  const { products_to_update } = await api.post("/admin/aliexpress/settings", body)
  if (!products_to_update) {
    throw new Error(`${label}: the settings save queued nothing (${JSON.stringify(body)} is not a rule change)`)
  }
  return followRun(api, label, timeoutMs, { t0, requestMs: Date.now() - t0, requested: products_to_update, trace })
}

type Request = { t0: number; requestMs: number; requested: number; trace?: (done: number) => void }

async function followRun(api: Api, label: string, timeoutMs: number, { t0, requestMs, requested, trace }: Request): Promise<SyncOutcome> {
  const bar = new ProgressBar(label, Math.max(1, requested))
  const deadline = t0 + timeoutMs
  let shown = -1
  const show = (done: number) => {
    if (done !== shown && shown < Math.max(1, requested)) bar.update((shown = done))
  }
  for (;;) {
    const { progress } = await api.get("/admin/aliexpress/sync")
    const started = progress?.started_at ? Date.parse(progress.started_at) : 0
    // Second-resolution slack: the run records its start a few ms after the request.
    if (progress && started >= t0 - 1000) {
      if (progress.state !== "running" && progress.finished_at) {
        show(Math.max(1, requested))
        if (progress.state === "failed") {
          throw new Error(`the sync run failed: ${progress.last_error}`)
        }
        return { wallMs: Date.parse(progress.finished_at) - t0, progress, requestMs }
      }
      // A run holds back its last count until it finishes, so the bar never shows a full run as still going.
      show(Math.min(progress.done, Math.max(1, requested) - 1))
      trace?.(progress.done)
    }
    if (Date.now() > deadline) {
      throw new Error(`${label}: no finished run after ${Math.round(timeoutMs / 1000)} s (last progress ${JSON.stringify(progress)})`)
    }
    await sleep(500)
  }
}

/** Whose resident memory is written down during a run, and where. */
export type MemoryTrace = { pid: number; note(line: string): void }

const TRACE_EVERY_MS = 15_000

/**
 * Writes the server's resident memory and its high-water mark to the log every 15 s of a run,
 * with how far the run is: whether memory grows with the listings done or peaks at a moment
 * tells a held structure from a passing one.
 */
function traceMemory({ pid, note }: MemoryTrace, label: string, t0: number): (done: number) => void {
  let lastAt = 0
  return (done) => {
    if (Date.now() - lastAt < TRACE_EVERY_MS) return
    lastAt = Date.now()
    try {
      const { rssMiB, peakMiB } = memoryOf(pid)
      note(`memory: ${label} +${Math.round((lastAt - t0) / 1000)} s, done ${done}, rss ${rssMiB} MiB, peak ${peakMiB} MiB`)
    } catch {
      // the process is gone; the run's own check reports that
    }
  }
}
