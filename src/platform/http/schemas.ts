import { Type, type TLiteral, type TNull, type TSchema, type TUnion } from '@sinclair/typebox';
import { ERROR_STATUS, type ErrorCode } from '../errors.ts';
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

/** How an error response lists its codes in the API documents (read back when documents add more). */
export const ERROR_CODES_PREFIX = 'Error codes: ';

/**
 * Response schemas for the errors a route can answer with, by status or by code:
 * `errorResponses(400, 404, 'INVALID_TRANSITION')`. Each status's description lists its codes, so
 * the API reference says which codes each operation can return.
 */
export function errorResponses(...items: Array<number | ErrorCode>): Record<number, typeof InlineErrorResponse> {
  const codes = new Map<number, Set<string>>();
  for (const item of items) {
    const status = typeof item === 'number' ? item : ERROR_STATUS[item];
    const code = typeof item === 'number' ? GENERIC_CODE[item] : item;
    const set = codes.get(status) ?? new Set<string>();
    if (code) set.add(code);
    codes.set(status, set);
  }
  return Object.fromEntries(
    [...codes].map(([status, set]) => [status, { ...InlineErrorResponse, description: `${ERROR_CODES_PREFIX}${[...set].join(', ')}` }]),
  ) as Record<number, typeof InlineErrorResponse>;
}
