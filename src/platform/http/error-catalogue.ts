import type { ErrorCode, ErrorDetail } from '../errors.ts';

/** What a code means and an example of its answer, for the API reference. */
export interface CataloguedError {
  /** When the API answers with this code, in a short sentence. */
  when: string;
  /** An example `message` (the real one names the record, field or limit involved). */
  message: string;
  details?: ErrorDetail[];
}

/**
 * Every error code with its meaning and an example answer; the API reference builds each route's
 * error examples from these (a route may word its own `when`). Typed over the closed set of codes,
 * so a new code cannot be left undescribed.
 */
export const ERROR_CATALOGUE: Record<ErrorCode, CataloguedError> = {
  VALIDATION_FAILED: {
    when: 'A field, query parameter or header is missing or invalid; `details` lists every bad field.',
    message: 'Invalid request: title is required',
    details: [{ field: 'title', code: 'REQUIRED', message: 'is required' }],
  },
  INVALID_TOKEN: { when: 'The emailed link is invalid, expired or already used.', message: 'This link is invalid, expired or already used; ask for a new one' },
  INVALID_JSON: { when: 'The body is not JSON, or nests more than 32 levels deep.', message: 'The request body is not valid JSON' },
  INVALID_CHARACTERS: {
    when: 'A value holds a character that cannot be stored (NUL or an unpaired surrogate), or the path is not UTF-8.',
    message: 'Invalid request: title contains a character that cannot be stored (NUL or an unpaired surrogate)',
    details: [{ field: 'title', code: 'INVALID_CHARACTERS', message: 'contains a character that cannot be stored (NUL or an unpaired surrogate)' }],
  },
  PRODUCT_URL_NOT_ALLOWED: {
    when: '`productUrl` is not on one of your approved domains (or a subdomain of one).',
    message: 'productUrl is not on one of your approved domains',
    details: [{ field: 'productUrl', code: 'PRODUCT_URL_NOT_ALLOWED', message: 'must be on one of your approved domains' }],
  },
  CSV_HEADER_INVALID: {
    when: "The file's header line is not the one this import type needs.",
    message: 'The header does not match a products import: missing column title',
    details: [{ field: 'header', code: 'MISSING_COLUMN', message: 'missing column title' }],
  },
  CSV_EMPTY: { when: 'The file has no header line or no rows.', message: 'The file has a header but no rows' },
  UNAUTHENTICATED: { when: 'No dashboard session.', message: 'Sign in first: this needs a dashboard session' },
  MISSING_API_KEY: {
    when: 'No `Authorization: Bearer pk_…` header.',
    message: 'Authorization header is required: "Bearer pk_test_…" or "Bearer pk_live_…"',
  },
  INVALID_API_KEY: {
    when: 'The publishable key is malformed, unknown, revoked, or past its rotation grace period.',
    message: 'This API key does not exist, was revoked, or its rotation grace period has ended',
  },
  MISSING_SIGNATURE: { when: 'No `X-Timestamp` or `X-Signature` header, or a timestamp that is not unix seconds.', message: 'X-Signature header is required' },
  STALE_TIMESTAMP: {
    when: '`X-Timestamp` is more than 300 s away from the server time.',
    message: 'X-Timestamp is 412 s away from server time; at most 300 s is accepted',
  },
  SIGNATURE_MISMATCH: {
    when: '`X-Signature` is not the HMAC-SHA256 of `<X-Timestamp>.<METHOD>.<path with query>.<raw body>` with your signing secret.',
    message: 'X-Signature does not match: sign "<X-Timestamp>.<METHOD>.<path with query>.<raw body>" with HMAC-SHA256 and your signing secret, hex-encoded',
  },
  INVALID_CREDENTIALS: { when: 'The email or password is wrong.', message: 'Email or password is wrong' },
  FORBIDDEN: { when: 'The signed-in account may not do this.', message: 'This needs a merchant account' },
  CSRF_FAILED: {
    when: 'A dashboard write without the session’s `X-CSRF-Token`.',
    message: 'Send the csrfToken from the login response in the X-CSRF-Token header',
  },
  MERCHANT_NOT_APPROVED: {
    when: 'The merchant account is pending review, rejected or suspended.',
    message: 'This merchant account is suspended; the API is available once it is approved',
  },
  TEST_MODE_ONLY: { when: 'Called with a live key; this works with test keys only.', message: 'The sandbox only works in test mode (pk_test_… keys)' },
  CAMPAIGN_NOT_JOINED: { when: 'The affiliate has not joined this campaign.', message: 'Join this campaign first' },
  NOT_FOUND: { when: 'No such record in this mode (another merchant’s records are not found either).', message: 'Campaign not found' },
  CONFLICT: { when: 'The record changed while this request ran; retry it.', message: 'The record changed while this request ran; retry it' },
  ALREADY_EXISTS: { when: 'The record exists already.', message: 'shop.example.com is already on this account (PENDING)' },
  INVALID_TRANSITION: {
    when: 'The record is not in a state that allows this change.',
    message: 'A DRAFT campaign cannot be paused',
    details: [{ field: 'status', code: 'INVALID_TRANSITION', message: 'A DRAFT campaign cannot be paused' }],
  },
  DUPLICATE_IN_REQUEST: { when: 'The same record appears twice in one request.', message: 'externalProductId SKU-1 appears more than once in this request' },
  FEED_RUN_IN_PROGRESS: { when: 'A run of this feed is already queued or running.', message: 'Run fr_… of this feed is running; wait for it to finish' },
  IDEMPOTENCY_IN_PROGRESS: {
    when: 'A request with this `X-Idempotency-Key` is still being processed; retry after `Retry-After`.',
    message: 'A request with this X-Idempotency-Key is being processed; retry shortly',
  },
  REQUEST_REPLAYED: {
    when: 'This exact signed request (same signature) was already accepted; sign each request with a fresh timestamp.',
    message: 'This signed request was already accepted; sign every request with a fresh X-Timestamp (and use X-Idempotency-Key to retry safely)',
  },
  WEBHOOK_ENDPOINT_DISABLED: {
    when: 'The webhook endpoint is disabled; enable it first.',
    message: 'This endpoint is disabled (manual); enable it with PATCH { "disabled": false } first',
  },
  REFERENCE_ALREADY_USED: { when: 'The payment reference is already recorded with another amount.', message: 'Payment reference TX-1 is already recorded' },
  PAYLOAD_TOO_LARGE: { when: 'The body is larger than this operation accepts.', message: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: {
    when: 'The body is not of a content type this operation takes.',
    message: 'Unsupported Content-Type; send application/json',
    details: [{ field: 'header.content-type', code: 'UNSUPPORTED_MEDIA_TYPE', message: 'must be application/json' }],
  },
  UNPROCESSABLE: { when: 'The request is well-formed but cannot be carried out.', message: 'refundAmount is only allowed with status "refunded"' },
  IDEMPOTENCY_KEY_REUSED: {
    when: 'This `X-Idempotency-Key` was used before with a different method, path or body.',
    message: 'This X-Idempotency-Key was already used with a different request (method, path or body); use a new key for a new request',
  },
  CAMPAIGN_APPROVAL_REQUIRED: {
    when: 'The campaign needs the platform’s approval before it can be activated.',
    message: 'This campaign requires approval and has not been approved by the platform yet',
  },
  UNKNOWN_CAMPAIGN: {
    when: '`campaignId` is not one of your campaigns in this mode.',
    message: 'campaignId is not one of your campaigns in this mode',
    details: [{ field: 'campaignId', code: 'UNKNOWN_CAMPAIGN', message: 'is not one of your campaigns in this mode' }],
  },
  CAMPAIGN_INACTIVE: { when: 'The campaign has ended or is not active.', message: 'This campaign has ended and takes no new links' },
  INSUFFICIENT_BALANCE: { when: 'The balance does not cover this amount.', message: 'The balance does not cover this amount' },
  REFUND_EXCEEDS_REMAINDER: {
    when: '`refundAmount` is more than what is left to refund on the order.',
    message: 'refundAmount is more than what is left to refund on this order',
    details: [{ field: 'status', code: 'REFUND_EXCEEDS_REMAINDER', message: 'refundAmount is more than what is left to refund on this order' }],
  },
  WEBHOOK_ENDPOINT_LIMIT: {
    when: 'The mode already has the most webhook endpoints allowed.',
    message: 'At most 10 webhook endpoints per mode; delete one first',
  },
  NOTHING_TO_BILL: { when: 'No approved commissions or credits since the last statement.', message: 'Nothing to bill in NPR' },
  PAYMENT_EXCEEDS_BALANCE: {
    when: 'The payment is more than the statement’s open balance.',
    message: 'The payment is more than the open balance of this statement',
  },
  PAYOUT_BELOW_MINIMUM: {
    when: 'The payable balance is below the minimum payout.',
    message: 'Your payable balance of 500.00 NPR is below the minimum payout of 1000.00',
  },
  NO_PAYOUT_METHOD: { when: 'No payout method to pay to.', message: 'Add a payout method before requesting a payout' },
  NOTHING_TO_PAY: { when: 'No approved payouts of this method are waiting.', message: 'No approved ESEWA payouts are waiting for a batch' },
  CLICK_REFUSED: { when: 'The database still refuses the set-aside click.', message: 'The database still refuses this click' },
  RATE_LIMITED: {
    when: 'Too many requests for this key this minute; retry after `Retry-After` seconds.',
    message: 'Rate limit of 600 requests per minute for this key reached; retry in 12 s',
  },
  TOO_MANY_ATTEMPTS: { when: 'Too many attempts; retry after `Retry-After` seconds.', message: 'Too many failed sign-in attempts; try again in 60 s' },
  INTERNAL: {
    when: 'Something failed on our side; the `X-Request-Id` header identifies it in our logs. Safe to retry with the same `X-Idempotency-Key`.',
    message: 'Something went wrong on our side; the request id identifies it in our logs',
  },
  UNAVAILABLE: { when: 'The service cannot reach its database.', message: 'The database is not reachable' },
};
