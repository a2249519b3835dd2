import { Type, type TLiteral, type TNull, type TSchema, type TUnion } from '@sinclair/typebox';
import { MONEY_PATTERN } from './validation.ts';

/** A money amount at the API edge: a decimal string in major units, never a JSON number. */
export const Money = (description = 'Decimal string in major units, e.g. "2999.00"') =>
  Type.String({ pattern: MONEY_PATTERN, description, examples: ['2999.00'] });

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Array(Type.Object({ field: Type.Optional(Type.String()), code: Type.Optional(Type.String()), message: Type.String() }, { additionalProperties: true })),
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

/** Response schemas for the error statuses a route can answer with: `errorResponses(400, 404)`. */
export const errorResponses = (...statuses: number[]) => Object.fromEntries(statuses.map((status) => [status, InlineErrorResponse])) as Record<number, typeof InlineErrorResponse>;
