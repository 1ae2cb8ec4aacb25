export interface AliExpressErrorDetails {
  /** The AliExpress code: gateway code (`IllegalAccessToken`), numeric TOP code or business code. */
  code: string
  /** The business sub code (`isv.invalid-parameter`, `F00-00-10007-007`) when there is one. */
  subCode?: string
  message: string
  requestId?: string
  /** The API method or /rest path that failed. */
  method?: string
  httpStatus?: number
  cause?: unknown
}

/** Base of every error the client throws; `code` keeps what AliExpress said. */
export class AliExpressError extends Error {
  readonly code: string
  readonly subCode?: string
  readonly requestId?: string
  readonly method?: string
  readonly httpStatus?: number
  /** Whether trying the same call again may succeed. */
  readonly retryable: boolean
  /**
   * True when the call may have been executed although no answer was read (a timeout, a broken
   * connection, a gateway timeout). A write that fails this way must be looked up before it is
   * sent again.
   */
  readonly ambiguous: boolean

  constructor(details: AliExpressErrorDetails, flags: { retryable?: boolean; ambiguous?: boolean } = {}) {
    super(details.message)
    if (details.cause !== undefined) {
      Object.defineProperty(this, "cause", { value: details.cause, enumerable: false })
    }
    this.name = new.target.name
    this.code = details.code
    this.subCode = details.subCode
    this.requestId = details.requestId
    this.method = details.method
    this.httpStatus = details.httpStatus
    this.retryable = flags.retryable ?? false
    this.ambiguous = flags.ambiguous ?? false
  }
}

/** Transient: timeouts, network failures, 5xx, rate limits, AliExpress system errors. */
export class AliExpressRetryableError extends AliExpressError {
  constructor(details: AliExpressErrorDetails & { ambiguous?: boolean }) {
    super(details, { retryable: true, ambiguous: details.ambiguous ?? false })
  }
}

/** `ApiCallLimit`: the call was refused, not executed, so it is always safe to send again. */
export class AliExpressRateLimitError extends AliExpressRetryableError {
  /** How long AliExpress bans the caller ("This ban will last N seconds"), default 1 s. */
  readonly banMs: number

  constructor(details: AliExpressErrorDetails & { banMs?: number }) {
    super({ ...details, ambiguous: false })
    this.banMs = details.banMs ?? parseBanMs(details.message)
  }
}

/**
 * No answer within the time limit. AliExpress may or may not have committed the call, hence
 * `ambiguous`: look a write up (e.g. a product by sku_code) before sending it again.
 */
export class AliExpressTimeoutError extends AliExpressRetryableError {
  constructor(details: AliExpressErrorDetails) {
    super({ ...details, ambiguous: true })
  }
}

/** Will fail again as sent: bad signature, invalid parameters, business rules. */
export class AliExpressPermanentError extends AliExpressError {
  constructor(details: AliExpressErrorDetails) {
    super(details, { retryable: false, ambiguous: false })
  }
}

/** The credentials are wrong or expired: the seller may need to authorise the app again. */
export class AliExpressAuthError extends AliExpressPermanentError {}

const BAN_PATTERN = /ban will last (\d+(?:\.\d+)?) ?s/i

export function parseBanMs(message: string | undefined): number {
  const match = message ? BAN_PATTERN.exec(message) : null
  return match ? Math.round(Number(match[1]) * 1000) : 1000
}
