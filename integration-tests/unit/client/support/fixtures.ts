import { readFileSync, readdirSync } from "node:fs"
import path from "node:path"

export const SAMPLES_DIR = path.resolve(__dirname, "../../../fixtures/aliexpress-samples")

/** Captured answers; `<name>.request.json` beside one describes the call that produces it. */
export function sampleFiles(): string[] {
  return readdirSync(SAMPLES_DIR).filter((file) => file.endsWith(".json") && !file.endsWith(".request.json"))
}

/** The raw text, so tests exercise the lossless parser on the real bytes. */
export function sampleText(file: string): string {
  return readFileSync(path.join(SAMPLES_DIR, file), "utf8")
}

/** `aliexpress_solution_order_get.json` -> `aliexpress.solution.order.get` */
export function sampleMethod(file: string): string {
  return file.replace(/(\.\d+)?\.json$/, "").replace(/_/g, ".")
}
