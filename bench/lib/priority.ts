import os from "os"

/**
 * The sandbox and the image server answer in the bench's own process, standing in for
 * AliExpress' servers and a picture host, which share no cores with the store. On two cores
 * shared with Medusa and PostgreSQL, a collection of the sandbox's heap (100,000 products)
 * could wait for a core and hold its loop for 166 ms: calls that left evenly spaced then
 * arrived within one second, one more than the limit allows. So `npm run bench` starts this
 * process ahead of the store (`nice -n -10`, before Node starts, so that its collector's
 * threads have it too), and the store's processes it starts go back to the priority it was
 * started from (`BENCH_BASE_NICE`). Without the right to raise it, nothing changes.
 * (At 100,000 its loop still pauses for 240-280 ms with no long collection: see the README.)
 */
export function atStorePriority(command: string, args: string[]): [string, string[]] {
  const base = Number(process.env.BENCH_BASE_NICE)
  const own = os.getPriority()
  if (!Number.isFinite(base) || own === base) {
    return [command, args]
  }
  return ["nice", ["-n", String(base - own), command, ...args]]
}
