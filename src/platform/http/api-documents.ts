import type { RouteSummary } from '../module.ts';
import { ERROR_CODES_PREFIX, InlineErrorResponse } from './schemas.ts';

/**
 * The two API documents cut from one generated OpenAPI document: the merchant API (routes that
 * take a signed key; published at /api/v1/openapi.json and /docs) and the session API (what the
 * dashboard calls; served for the web client's generated types, not advertised).
 */

type Json = Record<string, unknown>;
interface Operation extends Json {
  parameters?: Json[];
  requestBody?: unknown;
  responses?: Record<string, Json>;
}
type Document = Json & { paths?: Record<string, Record<string, Operation>>; components?: { schemas?: Json } & Json; info?: Json };

const SESSION_PRINCIPALS = new Set(['merchantSession', 'affiliateSession', 'adminSession']);
const SIGNATURE_CODES = ['MISSING_API_KEY', 'INVALID_API_KEY', 'MISSING_SIGNATURE', 'STALE_TIMESTAMP', 'SIGNATURE_MISMATCH'];

/** `/api/v1/campaigns/:id` as OpenAPI writes it: `/api/v1/campaigns/{id}`. */
const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

const isMerchantApi = (route: RouteSummary) => route.config.principals?.includes('merchantKey') === true;
const isSessionApi = (route: RouteSummary) =>
  route.url.startsWith('/api/') &&
  route.config.public !== true &&
  (route.config.principals === undefined || route.config.principals.some((p) => SESSION_PRINCIPALS.has(p)));

export const MERCHANT_API_DESCRIPTION = [
  'The merchant API. Every request is signed with one of your key pairs (test or live; the key decides the mode):',
  '',
  '1. `Authorization: Bearer <publishable key>` (`pk_test_…` or `pk_live_…`).',
  '2. `X-Timestamp`: the current time in unix seconds; more than 300 s of skew is refused (`STALE_TIMESTAMP`).',
  '3. `X-Signature`: lowercase hex HMAC-SHA256, keyed by your signing secret (`sk_…`, never sent), of',
  '   `<X-Timestamp>.<METHOD>.<path with query>.<raw body>` — the exact bytes you send, an empty string when there is no body.',
  '',
  'Example: `1767225600.POST./api/v1/campaigns.{"title":"Summer sale"}`.',
  '',
  'Operations marked idempotent honour `X-Idempotency-Key` (at most 255 characters, kept at least 24 h): the same key and body',
  'replays the first answer with `Idempotent-Replayed: true`; the same key with another body is `422 IDEMPOTENCY_KEY_REUSED`;',
  'a key still in flight is `409 IDEMPOTENCY_IN_PROGRESS`.',
  '',
  'Money is always a decimal string in major units (`"2999.00"`). Errors are `{ "error": { "code", "message", "details" } }`;',
  'each operation lists the codes it can answer with. A rate limit per key answers `429 RATE_LIMITED` with `Retry-After`.',
].join('\n');

export const SESSION_API_DESCRIPTION =
  'The dashboard session API (cookie session from /api/auth/login; every write sends the csrfToken as X-CSRF-Token). ' +
  'Merchant routes shared with the signed API read the mode from `X-Mode: test|live` (live when absent).';

function pick(
  full: Document,
  routes: readonly RouteSummary[],
  keep: (route: RouteSummary) => boolean,
  adapt: (op: Operation, route: RouteSummary) => Operation,
): Document {
  const paths: Record<string, Record<string, Operation>> = {};
  for (const route of routes) {
    if (!keep(route) || route.method === 'HEAD') continue;
    const path = openApiPath(route.url);
    const operation = full.paths?.[path]?.[route.method.toLowerCase()];
    if (!operation) continue;
    (paths[path] ??= {})[route.method.toLowerCase()] = adapt(structuredClone(operation), route);
  }
  const document: Document = { ...structuredClone(full), paths };
  return withReachableSchemas(document);
}

/** Drop component schemas no kept operation refers to, so one document never shows the other's shapes. */
function withReachableSchemas(document: Document): Document {
  const all = (document.components?.schemas ?? {}) as Json;
  const reachable = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string' && inner.startsWith('#/components/schemas/')) {
        const name = inner.slice('#/components/schemas/'.length);
        if (!reachable.has(name)) {
          reachable.add(name);
          visit(all[name]);
        }
      } else visit(inner);
    }
  };
  visit(document.paths);
  const schemas = Object.fromEntries(Object.entries(all).filter(([name]) => reachable.has(name)));
  return { ...document, components: { ...document.components, schemas } };
}

function addErrorCodes(operation: Operation, status: number, codes: string[]): void {
  const responses = (operation.responses ??= {});
  const existing = responses[String(status)];
  const description =
    typeof existing?.description === 'string' && existing.description.startsWith(ERROR_CODES_PREFIX) ? existing.description : ERROR_CODES_PREFIX;
  const known = description.slice(ERROR_CODES_PREFIX.length).split(', ').filter(Boolean);
  const merged = [...new Set([...known, ...codes])];
  const body = existing?.content ?? { 'application/json': { schema: JSON.parse(JSON.stringify(InlineErrorResponse)) as Json } };
  responses[String(status)] = { ...existing, description: `${ERROR_CODES_PREFIX}${merged.join(', ')}`, content: body };
}

function asMerchantOperation(operation: Operation, route: RouteSummary): Operation {
  operation.security = [{ apiKey: [] }];
  const takesInput = operation.requestBody !== undefined || (operation.parameters?.length ?? 0) > 0;
  if (takesInput) addErrorCodes(operation, 400, operation.requestBody !== undefined ? ['VALIDATION_FAILED', 'INVALID_JSON'] : ['VALIDATION_FAILED']);
  addErrorCodes(operation, 401, SIGNATURE_CODES);
  addErrorCodes(operation, 403, ['MERCHANT_NOT_APPROVED']);
  addErrorCodes(operation, 429, ['RATE_LIMITED']);
  if (route.config.idempotent) {
    operation.parameters = [
      ...(operation.parameters ?? []),
      {
        in: 'header',
        name: 'X-Idempotency-Key',
        required: false,
        schema: { type: 'string', maxLength: 255 },
        description: 'Makes a retry safe: the same key and body replay the first answer.',
      },
    ];
    addErrorCodes(operation, 409, ['IDEMPOTENCY_IN_PROGRESS']);
    addErrorCodes(operation, 422, ['IDEMPOTENCY_KEY_REUSED']);
  }
  return operation;
}

function asSessionOperation(operation: Operation, route: RouteSummary): Operation {
  delete operation.security;
  // A parameter with a default may be left out; the generated client should not demand it.
  for (const parameter of operation.parameters ?? []) if ((parameter.schema as Json | undefined)?.default !== undefined) parameter.required = false;
  if (route.config.principals?.includes('merchantKey')) {
    operation.parameters = [
      ...(operation.parameters ?? []),
      {
        in: 'header',
        name: 'X-Mode',
        required: false,
        schema: { type: 'string', enum: ['test', 'live'] },
        description: 'Test or live data (live when absent).',
      },
    ];
  }
  return operation;
}

export function merchantApiDocument(full: Document, routes: readonly RouteSummary[]): Document {
  const document = pick(full, routes, isMerchantApi, asMerchantOperation);
  return { ...document, info: { ...full.info, title: 'Influencemart merchant API', description: MERCHANT_API_DESCRIPTION } };
}

export function sessionApiDocument(full: Document, routes: readonly RouteSummary[]): Document {
  const document = pick(full, routes, isSessionApi, asSessionOperation);
  const { securitySchemes: _keys, ...components } = document.components ?? {};
  return { ...document, components, info: { ...full.info, title: 'Influencemart dashboard session API', description: SESSION_API_DESCRIPTION } };
}
