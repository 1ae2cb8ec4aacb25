import { z } from "zod"

export interface SandboxLogger {
  info?: (message: string) => void
  warn?: (message: string) => void
  error?: (message: string) => void
}

const rate = z.union([z.number().min(0), z.record(z.string(), z.number().min(0))])

export const sandboxOptionsSchema = z.object({
  port: z.number().int().min(0).max(65535).default(0),
  host: z.string().min(1).default("127.0.0.1"),
  appKey: z.string().min(1),
  appSecret: z.string().min(1),
  dataFile: z.string().min(1).optional(),
  seed: z.enum(["demo", "empty"]).default("demo"),
  auditDelayMs: z.number().int().min(0).default(2000),
  /** A feed job is QUEUEING for the first half of this, PROCESSING for the second, then FINISH. */
  feedDelayMs: z.number().int().min(0).default(2000),
  /** The app's registered OAuth callback; unset accepts any redirect_uri. */
  redirectUri: z.string().url().optional(),
  rejectWords: z.array(z.string().min(1)).default([]),
  titleMaxLength: z.number().int().min(1).default(128),
  rateLimitPerSecond: rate.default(20),
  banMs: z.number().int().min(0).default(1000),
  accessTokenTtlSec: z.number().int().min(1).default(86400),
  refreshTokenTtlSec: z.number().int().min(1).default(172800),
  codeTtlSec: z.number().int().min(1).default(180),
  timestampWindowSec: z.number().int().min(1).default(7200),
  pushUrl: z.string().url().optional(),
  logger: z.custom<SandboxLogger>((value) => value === undefined || typeof value === "object").optional(),
})

export type SandboxOptions = z.input<typeof sandboxOptionsSchema>
export type ResolvedOptions = z.output<typeof sandboxOptionsSchema>
export type SeedName = ResolvedOptions["seed"]

/** Settings that can change at run time through `POST /__sandbox/config`. */
export interface RuntimeConfig {
  auditDelayMs: number
  feedDelayMs: number
  redirectUri?: string
  rejectWords: string[]
  titleMaxLength: number
  rateLimitPerSecond: number | Record<string, number>
  banMs: number
  accessTokenTtlSec: number
  refreshTokenTtlSec: number
  codeTtlSec: number
  timestampWindowSec: number
  pushUrl?: string
}

export const configPatchSchema = z
  .object({
    auditDelayMs: z.number().int().min(0),
    feedDelayMs: z.number().int().min(0),
    redirectUri: z.string().url().nullable(),
    rejectWords: z.array(z.string().min(1)),
    titleMaxLength: z.number().int().min(1),
    rateLimitPerSecond: rate,
    banMs: z.number().int().min(0),
    accessTokenTtlSec: z.number().int().min(1),
    refreshTokenTtlSec: z.number().int().min(1),
    codeTtlSec: z.number().int().min(1),
    timestampWindowSec: z.number().int().min(1),
    pushUrl: z.string().url().nullable(),
  })
  .partial()
  .strict()

export function runtimeConfigFrom(options: ResolvedOptions): RuntimeConfig {
  return {
    auditDelayMs: options.auditDelayMs,
    feedDelayMs: options.feedDelayMs,
    redirectUri: options.redirectUri,
    rejectWords: options.rejectWords,
    titleMaxLength: options.titleMaxLength,
    rateLimitPerSecond: options.rateLimitPerSecond,
    banMs: options.banMs,
    accessTokenTtlSec: options.accessTokenTtlSec,
    refreshTokenTtlSec: options.refreshTokenTtlSec,
    codeTtlSec: options.codeTtlSec,
    timestampWindowSec: options.timestampWindowSec,
    pushUrl: options.pushUrl,
  }
}
