import { listingSyncConfig } from "./config"

/**
 * Spacing between two calls of one method: 10% wider than the client's own limiter (which spaces
 * 5% wider than the nominal rate), so the client never has to queue a call of the sync.
 */
const SPACING_FACTOR = 1.1

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Hands out call slots per AliExpress method, measured on the real clock when the call leaves.
 *
 * Why on top of the client's limiter: that limiter reserves slots ahead and sleeps until them, so
 * when the event loop stalls (mapping a page, parsing a large query result) several sleepers wake
 * together and their calls land inside one second at AliExpress, which answers `ApiCallLimit` and
 * bans the method. Here each caller re-checks the clock after waking, so two calls of one method
 * never leave closer than the spacing, however late the timers fire.
 */
export class CallPacer {
  private readonly last = new Map<string, number>()
  private readonly queues = new Map<string, Promise<void>>()

  constructor(private readonly spacingMs: number) {}

  /** Resolves when a call of `method` may leave; callers are served in arrival order. */
  slot(method: string): Promise<void> {
    const turn = (this.queues.get(method) ?? Promise.resolve()).then(() => this.take(method))
    this.queues.set(method, turn)
    return turn
  }

  private async take(method: string): Promise<void> {
    for (;;) {
      const wait = (this.last.get(method) ?? 0) + this.spacingMs - Date.now()
      if (wait <= 0) {
        this.last.set(method, Date.now())
        return
      }
      await sleep(wait)
    }
  }
}

const pacers = new Map<number, CallPacer>()

/** The process-wide pacer for the configured rate (one sync run at a time holds the lock). */
export function listingPacer(rate = listingSyncConfig().callsPerSecond): CallPacer {
  let pacer = pacers.get(rate)
  if (!pacer) {
    pacer = new CallPacer((1000 / rate) * SPACING_FACTOR)
    pacers.set(rate, pacer)
  }
  return pacer
}

/** Waits for a slot of `method`, then makes the call. */
export async function paced<T>(method: string, call: () => Promise<T>): Promise<T> {
  await listingPacer().slot(method)
  return call()
}
