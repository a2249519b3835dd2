import { Type, type TLiteral, type TNull, type TSchema, type TUnion } from '@sinclair/typebox';
import { ERROR_STATUS, type ErrorBody, type ErrorCode, type ErrorDetail } from '../errors.ts';
import { ERROR_CATALOGUE } from './error-catalogue.ts';
import { MONEY_PATTERN } from './validation.ts';

/** A money amount at the API edge: a decimal string in major units, never a JSON number. */
export const Money = (description = 'Decimal string in major units, e.g. "2999.00"') =>
  Type.String({ pattern: MONEY_PATTERN, description, examples: ['2999.00'] });

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Array(
        Type.Object({ field: Type.Optional(Type.String()), code: Type.Optional(Type.String()), message: Type.String() }, { additionalProperties: true }),
      ),
    }),
  },
  { $id: 'ErrorResponse' },
);

export const IsoDateTime = (description?: string) => Type.String({ format: 'date-time', description });

/** A string from a fixed list, as a plain JSON-schema `enum` (one clear error instead of one per literal). */
// Typed as the equivalent union of literals so the route type provider infers the value type.
type Literals<T extends readonly string[]> = { -readonly [K in keyof T]: TLiteral<T[K]> };
export const StringEnum = <const T extends readonly string[]>(values: T, options: { description?: string; default?: T[number] } = {}) =>
  Type.Unsafe({ type: 'string', enum: [...values], ...options }) as unknown as TUnion<Extract<Literals<T>, TSchema[]>>;

/**
 * `schema` or null, written as `type: [X, "null"]` rather than anyOf so that a wrong value gets one
 * error naming the field (e.g. MUST_BE_DECIMAL_STRING for a number) instead of one per branch.
 */
export const Nullable = <T extends TSchema>(schema: T): TUnion<[T, TNull]> => {
  const raw = schema as unknown as { type?: string; enum?: unknown[] };
  if (typeof raw.type !== 'string') return Type.Union([schema, Type.Null()]);
  return Type.Unsafe({ ...schema, type: [raw.type, 'null'], ...(raw.enum ? { enum: [...raw.enum, null] } : {}) }) as unknown as TUnion<[T, TNull]>;
};

/** The error shape without its $id, to inline in route response schemas (no shared registration needed). */
const { $id: _errorResponseId, ...InlineErrorResponse } = ErrorResponse;
export { InlineErrorResponse };

/** The code a bare status stands for when a route names no more specific one. */
const GENERIC_CODE: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
};

/** One error a route can answer with: its code, when it happens, and an example body in the error envelope. */
export interface DeclaredError {
  code: ErrorCode;
  when: string;
  example: ErrorBody;
}

/** How a route words an error: when it happens, or that and the example's message and details. */
export type ErrorWording = string | { when: string; message?: string; details?: ErrorDetail[] };

/** An error response schema as the API documents show it: one example per code, named by the code. */
export type ErrorResponseSchema = typeof InlineErrorResponse & {
  description: string;
  'x-examples': Record<string, { summary: string; description: string; value: ErrorBody }>;
};

export function declaredError(code: ErrorCode, wording?: ErrorWording): DeclaredError {
  const catalogued = ERROR_CATALOGUE[code];
  const own: Partial<Exclude<ErrorWording, string>> = typeof wording === 'string' ? { when: wording } : (wording ?? {});
  const message = own.message ?? catalogued.message;
  const details = own.details ?? catalogued.details ?? [];
  return { code, when: own.when ?? catalogued.when, example: { error: { code, message, details } } };
}

/**
 * The response schema of one status: the description lists each code and when it happens (Markdown,
 * as the reference page shows it), and `x-examples` carries one example body per code.
 */
export function errorResponseSchema(errors: readonly DeclaredError[]): ErrorResponseSchema {
  return {
    ...InlineErrorResponse,
    description: errors.map((e) => `- \`${e.code}\`: ${e.when}`).join('\n'),
    'x-examples': Object.fromEntries(errors.map((e) => [e.code, { summary: e.code, description: e.when, value: e.example }])),
  };
}

/** The errors an error response schema declares, read back (the merchant document adds the shared ones to them). */
export function declaredErrorsOf(schema: unknown): DeclaredError[] {
  const examples = (schema as Partial<ErrorResponseSchema> | undefined)?.['x-examples'] ?? {};
  return Object.entries(examples).map(([code, e]) => ({ code: code as ErrorCode, when: e.description, example: e.value }));
}

/**
 * Response schemas for the errors a route can answer with, grouped by status (from the one code →
 * status table): `errorResponses({ NOT_FOUND: 'No campaign with this id in this mode' }, 'CONFLICT')`.
 * A code alone takes its catalogued wording; a bare status stands for its generic code. The API
 * documents show each code with its example.
 */
export function errorResponses(...items: Array<number | ErrorCode | Partial<Record<ErrorCode, ErrorWording>>>): Record<number, ErrorResponseSchema> {
  const byStatus = new Map<number, Map<ErrorCode, DeclaredError>>();
  const add = (code: ErrorCode, wording?: ErrorWording) => {
    const status = ERROR_STATUS[code];
    const errors = byStatus.get(status) ?? new Map<ErrorCode, DeclaredError>();
    errors.set(code, declaredError(code, wording));
    byStatus.set(status, errors);
  };
  for (const item of items) {
    if (typeof item === 'number') {
      const code = GENERIC_CODE[item];
      if (code) add(code);
    } else if (typeof item === 'string') add(item);
    else for (const [code, wording] of Object.entries(item)) add(code as ErrorCode, wording);
  }
  return Object.fromEntries([...byStatus].map(([status, errors]) => [status, errorResponseSchema([...errors.values()])]));
}
