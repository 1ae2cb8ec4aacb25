import type { ExecArgs } from "@medusajs/framework/types"
import { z } from "zod"
import { useFastUlids } from "./lib/fast-ids"
import { seedSlices, type SliceJob } from "./lib/seed-slices"

const jobSchema = z.object({
  products: z.number().int().min(1),
  stock: z.number().int().min(0),
  imageUrl: z.string().url(),
  target: z.object({
    salesChannelId: z.string().min(1),
    shippingProfileId: z.string().min(1),
    stockLocationId: z.string().min(1),
    categoryIds: z.record(z.string(), z.string()).optional(),
  }),
  part: z.number().int().min(0),
  parts: z.number().int().min(1),
})

/**
 * One extra seeding process, started by bench/seed.ts with its share of the slices in
 * BENCH_SEED_JOB. Seeding through the module services is bound by Node's CPU (the ORM), not by
 * PostgreSQL, so a second process uses the machine's second core.
 */
export default async function seedWorker({ container }: ExecArgs) {
  const job: SliceJob = jobSchema.parse(JSON.parse(process.env.BENCH_SEED_JOB ?? "null"))
  useFastUlids()
  await seedSlices(container, job, (count) => process.stdout.write(`BENCH_SEED_SLICE ${count}\n`))
}
