import type { MedusaContainer } from "@medusajs/framework/types"
import { sampleProductSeed, type ProductSeed } from "../../scripts/lib/store-setup"
import { bulkCreateProducts, type BulkSeedTarget } from "./bulk-seed"

/**
 * Products per bulk create: large enough that each table gets few, big inserts, small enough
 * that one slice (with its 4 variants, prices, stock and images each) stays a few MiB.
 */
const CHUNK = Number(process.env.BENCH_SEED_CHUNK || 500)
/** Slices one process has in flight: while one slice's rows are built in Node, another's inserts run in PostgreSQL. */
const LANES = Number(process.env.BENCH_SEED_LANES || 2)

/** What every seeding process needs to know to create its share of the catalogue. */
export type SliceJob = {
  products: number
  stock: number
  imageUrl: string
  target: BulkSeedTarget
  /** this process takes slices part, part + parts, part + 2 parts... */
  part: number
  parts: number
}

/** Seeds this process's slices of products 0..products-1; `onSeeded` gets the size of each finished slice. */
export async function seedSlices(container: MedusaContainer, job: SliceJob, onSeeded: (count: number) => void): Promise<void> {
  const slices: number[] = []
  for (let slice = job.part; slice * CHUNK < job.products; slice += job.parts) slices.push(slice * CHUNK)
  let next = 0
  const lane = async () => {
    while (next < slices.length) {
      const start = slices[next++]
      const seeds: ProductSeed[] = []
      for (let i = start; i < Math.min(job.products, start + CHUNK); i++) {
        seeds.push(
          sampleProductSeed(i, {
            images: [`${job.imageUrl}/p${i}-front.jpg`, `${job.imageUrl}/p${i}-back.jpg`],
            stock: job.stock,
            categoryHandle: "t-shirts",
          })
        )
      }
      await bulkCreateProducts(container, seeds, job.target)
      onSeeded(seeds.length)
    }
  }
  await Promise.all(Array.from({ length: LANES }, lane))
}
