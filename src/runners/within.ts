/**
 * Waits for `work` at most `ms`; after that it goes on in the background and `late()` answers.
 * A scheduled job ends when its handler returns and the next tick waits for that, so a job that
 * serves several accounts waits this long for a slow one and no longer: the others' next tick
 * is never held up by it.
 */
export function within<T>(work: Promise<T>, ms: number, late: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(late()), ms)
    timer.unref?.()
  })
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer))
}
