export { AliExpressClient } from "./client"
export { signPushBody, signRequest, signRequestMd5, verifyPushSignature } from "./sign"
export {
  AliExpressAuthError,
  AliExpressError,
  AliExpressPermanentError,
  AliExpressRateLimitError,
  AliExpressRetryableError,
  AliExpressTimeoutError,
  type AliExpressErrorDetails,
} from "./errors"
export { toAliExpressError } from "./error-mapping"
export { formatPacificTime, parsePacificTime } from "./pacific-time"
export { resetRateLimiters, type CallsPerSecond } from "./rate-limiter"
export type { RetryOptions } from "./retry"
export type * from "./types"
export { PRODUCT_STATUS_READ_ORDER } from "./api/products"
