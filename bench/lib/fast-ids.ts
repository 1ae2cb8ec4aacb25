import { randomBytes } from "crypto"

/**
 * Medusa's entity ids are ULIDs from the `ulid` package, whose default generator asks
 * crypto.randomBytes for one byte per character: 16 calls for every row. Seeding 100,000
 * products makes some 4 million rows, and those calls were about a sixth of the seed's CPU.
 * This swaps in the package's own generator fed from a pool of the same crypto bytes, so the
 * ids keep their format and randomness. Only the bench's seeding processes (bench/seed.ts and
 * bench/seed-worker.ts) call it: it changes how their ids are drawn and nothing else.
 */
export function useFastUlids(): void {
  // The exports object every caller reads `ulid` from (generateEntityId calls `ulid_1.ulid()`).
  const ulidModule = require("ulid")
  const POOL = 64 * 1024
  let pool = randomBytes(POOL)
  let at = 0
  const prng = () => {
    if (at === POOL) {
      pool = randomBytes(POOL)
      at = 0
    }
    // The same mapping as ulid's own crypto generator: one byte over 0xff.
    return pool[at++] / 0xff
  }
  ulidModule.ulid = ulidModule.factory(prng)
}
