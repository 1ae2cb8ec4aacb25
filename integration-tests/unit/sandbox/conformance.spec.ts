import { isLosslessNumber, parse } from "lossless-json"
import { SandboxHandle } from "../../../src/sandbox"
import { sampleFiles, sampleText } from "../client/support/fixtures"
import { TestApi, startTestSandbox } from "./helpers"
import { callForSample, loadSampleRequest, requestFileOf } from "./sample-requests"

/**
 * Every captured AliExpress answer against the sandbox's answer to the equivalent call: each key
 * of the sample must be in the sandbox's answer at the same path with the same JSON type (arrays
 * compared by their first element). Keys the sandbox adds are printed, not failed. A new sample
 * file makes a new case; it needs a `<name>.request.json` beside it (see sample-requests.ts).
 */

type JsonType = "number" | "string" | "boolean" | "null" | "array" | "object"

function jsonType(value: unknown): JsonType {
  if (isLosslessNumber(value) || typeof value === "number") return "number"
  if (value === null) return "null"
  if (Array.isArray(value)) return "array"
  return typeof value as "string" | "boolean" | "object"
}

interface Difference {
  missing: string[]
  mismatched: string[]
  added: string[]
}

function compare(sample: unknown, answer: unknown, at: string, diff: Difference): void {
  const expected = jsonType(sample)
  const actual = jsonType(answer)
  if (expected !== actual) {
    diff.mismatched.push(`${at || "(root)"}: ${expected} in the sample, ${actual} in the sandbox`)
    return
  }
  if (expected === "array") {
    const [first] = sample as unknown[]
    if (first === undefined) return
    if ((answer as unknown[]).length === 0) {
      diff.missing.push(`${at}[0]`)
      return
    }
    compare(first, (answer as unknown[])[0], `${at}[0]`, diff)
    return
  }
  if (expected !== "object") return
  const want = sample as Record<string, unknown>
  const got = answer as Record<string, unknown>
  for (const key of Object.keys(want)) {
    const path = at ? `${at}.${key}` : key
    if (!(key in got)) diff.missing.push(path)
    else compare(want[key], got[key], path, diff)
  }
  for (const key of Object.keys(got)) {
    // The captured bodies had their request_id removed; every real answer carries one.
    if (!(key in want) && key !== "request_id") diff.added.push(at ? `${at}.${key}` : key)
  }
}

describe("sandbox answers against the captured AliExpress answers", () => {
  let sandbox: SandboxHandle
  let api: TestApi

  beforeAll(async () => {
    ;({ sandbox, api } = await startTestSandbox())
  })

  afterAll(async () => {
    await sandbox.stop()
  })

  const samples = sampleFiles()

  it("finds the samples", () => {
    expect(samples.length).toBeGreaterThanOrEqual(16)
  })

  it.each(samples)("%s: every key of the sample, with its JSON type", async (sample) => {
    const request = loadSampleRequest(sample)
    if (!request) {
      throw new Error(`add ${requestFileOf(sample)} beside the sample to describe the equivalent call`)
    }
    const answer = parse(await callForSample(api, sample, request))
    const diff: Difference = { missing: [], mismatched: [], added: [] }
    compare(parse(sampleText(sample)), answer, "", diff)
    if (diff.added.length) {
      console.log(`${sample}: the sandbox adds ${diff.added.join(", ")}`)
    }
    expect({ missing: diff.missing, mismatched: diff.mismatched }).toEqual({ missing: [], mismatched: [] })
  })
})
