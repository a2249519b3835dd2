/** The closed set of error codes the API can answer with, and the HTTP status each one maps to. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_TOKEN: 400,
  INVALID_JSON: 400,
  INVALID_CHARACTERS: 400,
  PRODUCT_URL_NOT_ALLOWED: 400,
  CSV_HEADER_INVALID: 400,
  CSV_EMPTY: 400,
  UNAUTHENTICATED: 401,
  MISSING_API_KEY: 401,
  INVALID_API_KEY: 401,
  MISSING_SIGNATURE: 401,
  STALE_TIMESTAMP: 401,
  SIGNATURE_MISMATCH: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  MERCHANT_NOT_APPROVED: 403,
  TEST_MODE_ONLY: 403,
  CAMPAIGN_NOT_JOINED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_EXISTS: 409,
  INVALID_TRANSITION: 409,
  DUPLICATE_IN_REQUEST: 409,
  FEED_RUN_IN_PROGRESS: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  REQUEST_REPLAYED: 409,
  WEBHOOK_ENDPOINT_DISABLED: 409,
  REFERENCE_ALREADY_USED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  CAMPAIGN_APPROVAL_REQUIRED: 422,
  UNKNOWN_CAMPAIGN: 422,
  CAMPAIGN_INACTIVE: 422,
  INSUFFICIENT_BALANCE: 422,
  REFUND_EXCEEDS_REMAINDER: 422,
  WEBHOOK_ENDPOINT_LIMIT: 422,
  NOTHING_TO_BILL: 422,
  PAYMENT_EXCEEDS_BALANCE: 422,
  PAYOUT_BELOW_MINIMUM: 422,
  NO_PAYOUT_METHOD: 422,
  NOTHING_TO_PAY: 422,
  CLICK_REFUSED: 422,
  RATE_LIMITED: 429,
  TOO_MANY_ATTEMPTS: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  field?: string;
  code?: string;
  message: string;
  [key: string]: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, details: ErrorDetail[] = [], headers: Record<string, string> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.headers = headers;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);

/** A body of a content type the route does not take. */
export const unsupportedMediaType = (accepted: readonly string[] = ['application/json']) =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', `Unsupported Content-Type; send ${accepted.join(' or ')}`, [
    { field: 'header.content-type', code: 'UNSUPPORTED_MEDIA_TYPE', message: `must be ${accepted.join(' or ')}` },
  ]);

export const invalidField = (field: string, message: string, code = 'INVALID') =>
  new AppError('VALIDATION_FAILED', `${field}: ${message}`, [{ field, code, message }]);

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: ErrorDetail[] };
}

export function errorBody(error: AppError): ErrorBody {
  return { error: { code: error.code, message: error.message, details: error.details } };
}
