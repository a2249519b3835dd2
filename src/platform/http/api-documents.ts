import type { RouteSummary } from '../module.ts';
import { ERROR_STATUS, type ErrorCode } from '../errors.ts';
import { declaredError, declaredErrorsOf, errorResponseSchema, InlineErrorResponse, type DeclaredError } from './schemas.ts';

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
  'Money is always a decimal string in major units (`"2999.00"`). Errors are `{ "error": { "code", "message", "details" } }` with a',
  'stable `code`; each operation lists, under its responses, every code it can answer with, when, and an example body. A rate',
  'limit per key answers `429 RATE_LIMITED` with `Retry-After`.',
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

/** The errors every signed operation can answer with, whatever it does: added once here rather than on each route. */
export function sharedMerchantErrors(route: RouteSummary): DeclaredError[] {
  const schema = route.schema ?? {};
  const takesInput = schema.params !== undefined || schema.querystring !== undefined || schema.body !== undefined;
  const takesBody = !['GET', 'HEAD', 'OPTIONS'].includes(route.method);
  const codes: ErrorCode[] = ['MISSING_API_KEY', 'INVALID_API_KEY', 'MISSING_SIGNATURE', 'STALE_TIMESTAMP', 'SIGNATURE_MISMATCH', 'MERCHANT_NOT_APPROVED'];
  if (takesInput || route.config.idempotent) codes.push('VALIDATION_FAILED');
  codes.push('INVALID_CHARACTERS');
  if (takesBody) codes.push('INVALID_JSON', 'REQUEST_REPLAYED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE');
  if (route.config.idempotent) codes.push('IDEMPOTENCY_IN_PROGRESS', 'IDEMPOTENCY_KEY_REUSED');
  codes.push('RATE_LIMITED', 'INTERNAL');
  return codes.map((code) => declaredError(code));
}

/** Every error a signed operation can answer with: the shared ones, then the route's own (its wording wins). */
export function merchantRouteErrors(route: RouteSummary): DeclaredError[] {
  const byCode = new Map<ErrorCode, DeclaredError>();
  for (const error of sharedMerchantErrors(route)) byCode.set(error.code, error);
  for (const [status, schema] of Object.entries((route.schema?.response ?? {}) as Record<string, unknown>))
    if (Number(status) >= 400) for (const error of declaredErrorsOf(schema)) byCode.set(error.code, error);
  return [...byCode.values()];
}

/** The error responses of an operation by status, each listing its codes and showing an example of each. */
function errorResponsesOf(errors: readonly DeclaredError[]): Record<string, Json> {
  const byStatus = new Map<number, DeclaredError[]>();
  for (const error of errors) byStatus.set(ERROR_STATUS[error.code], [...(byStatus.get(ERROR_STATUS[error.code]) ?? []), error]);
  return Object.fromEntries(
    [...byStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, group]) => {
        const { description, 'x-examples': examples } = errorResponseSchema(group);
        return [String(status), { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' }, examples } } }];
      }),
  );
}

function asMerchantOperation(operation: Operation, route: RouteSummary): Operation {
  operation.security = [{ apiKey: [] }];
  const responses = Object.fromEntries(Object.entries(operation.responses ?? {}).filter(([status]) => Number(status) < 400));
  operation.responses = { ...responses, ...errorResponsesOf(merchantRouteErrors(route)) };
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
  const components = { ...document.components, schemas: { ...document.components?.schemas, ErrorResponse: structuredClone(InlineErrorResponse) } };
  return { ...document, components, info: { ...full.info, title: 'Influencemart merchant API', description: MERCHANT_API_DESCRIPTION } };
}

export function sessionApiDocument(full: Document, routes: readonly RouteSummary[]): Document {
  const document = pick(full, routes, isSessionApi, asSessionOperation);
  const { securitySchemes: _keys, ...components } = document.components ?? {};
  return { ...document, components, info: { ...full.info, title: 'Influencemart dashboard session API', description: SESSION_API_DESCRIPTION } };
}

/** The error codes each signed operation documents, by `METHOD /route/:param` as Fastify names the route. */
export function merchantErrorCodesByRoute(routes: readonly RouteSummary[]): Map<string, Set<string>> {
  return new Map(
    routes
      .filter((route) => isMerchantApi(route) && route.method !== 'HEAD')
      .map((route) => [`${route.method} ${route.url}`, new Set(merchantRouteErrors(route).map((e) => e.code))]),
  );
}
