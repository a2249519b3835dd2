import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formatsPlugin from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { isStorableText } from '../db/storable-text.ts';
import { AppError, type ErrorCode, type ErrorDetail } from '../errors.ts';

export const MONEY_PATTERN = '^\\d+(\\.\\d+)?$';

function makeAjv(coerceTypes: boolean): Ajv {
  // Bodies are never coerced: a JSON number where a decimal string is expected must be an error.
  // Query strings and path params arrive as text, so those are coerced ("2" → 2).
  const ajv = new Ajv({ allErrors: true, coerceTypes, useDefaults: true, removeAdditional: false, strict: false, verbose: true });
  // ajv-formats is CommonJS; under NodeNext its callable export sits on `default`.
  (formatsPlugin as unknown as { default: (ajv: Ajv) => void }).default(ajv);
  ajv.addKeyword({ keyword: STORABLE, type: 'string', schemaType: 'boolean', errors: false, validate: (_: boolean, value: string) => isStorableText(value) });
  return ajv;
}

const STORABLE = 'storableText';
/** Far beyond any real count, page or amount, and still exact as a JavaScript number and a bigint column. */
const LARGEST_NUMBER = Number.MAX_SAFE_INTEGER;

/**
 * Every schema a request is checked against passes through here first, so no route can forget the
 * rules every input shares: each string (and each key of a free-form object) must be text the
 * database can store, and each number must be finite and exact (`Infinity`, `1e20` are refused).
 */
export function withSharedRules(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const out: Record<string, unknown> = { ...schema };
  for (const key of SUBSCHEMA)
    if (out[key] !== undefined) out[key] = Array.isArray(out[key]) ? (out[key] as unknown[]).map(withSharedRules) : withSharedRules(out[key]);
  for (const key of SUBSCHEMA_MAPS) {
    const map = out[key] as Record<string, unknown> | undefined;
    if (map !== undefined) out[key] = Object.fromEntries(Object.entries(map).map(([name, sub]) => [name, withSharedRules(sub)]));
  }
  const types = Array.isArray(out.type) ? (out.type as unknown[]) : [out.type];
  if (types.includes('string') && out.enum === undefined) out[STORABLE] = true;
  if (types.includes('integer') || types.includes('number')) {
    out.maximum ??= LARGEST_NUMBER;
    out.minimum ??= -LARGEST_NUMBER;
  }
  if (out.patternProperties !== undefined || (typeof out.additionalProperties === 'object' && out.additionalProperties !== null)) {
    out.propertyNames ??= { type: 'string', [STORABLE]: true };
  }
  return out;
}

const SUBSCHEMA = [
  'items',
  'prefixItems',
  'additionalProperties',
  'propertyNames',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'anyOf',
  'oneOf',
  'allOf',
] as const;
const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions'] as const;

const strictAjv = makeAjv(false);
const coercingAjv = makeAjv(true);

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? strictAjv : coercingAjv).compile(withSharedRules(schema) as object);

/** Compile a schema for validating values by hand, e.g. each item of a bulk request on its own. */
export function compileValidator<T>(schema: object): (value: unknown) => { ok: true; value: T } | { ok: false; details: ErrorDetail[] } {
  const validate: ValidateFunction = strictAjv.compile(withSharedRules(schema) as object);
  return (value) => (validate(value) ? { ok: true, value: value as T } : { ok: false, details: toErrorDetails(validate.errors ?? [], '') });
}

/** `/products/0/price` → `products[0].price` */
function fieldPath(prefix: string, instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  if (extra) parts.push(extra);
  let out = prefix;
  for (const part of parts) out += /^\d+$/.test(part) ? `[${part}]` : out ? `.${part}` : part;
  return out;
}

function describe(error: ErrorObject): { code: string; message: string } {
  const parent = error.parentSchema as { pattern?: string; description?: string } | undefined;
  if (error.keyword === 'type' && parent?.pattern === MONEY_PATTERN) {
    return { code: 'MUST_BE_DECIMAL_STRING', message: 'must be a decimal string such as "2999.00", not a number' };
  }
  if (error.keyword === 'pattern' && parent?.pattern === MONEY_PATTERN) {
    return { code: 'INVALID_DECIMAL', message: 'must be a decimal string such as "2999.00"' };
  }
  if (error.keyword === STORABLE) return { code: 'INVALID_CHARACTERS', message: 'contains a character that cannot be stored (NUL or an unpaired surrogate)' };
  if (error.keyword === 'required') return { code: 'REQUIRED', message: 'is required' };
  if (error.keyword === 'additionalProperties') return { code: 'UNKNOWN_FIELD', message: 'is not a known field' };
  return { code: error.keyword.toUpperCase(), message: error.message ?? 'is invalid' };
}

export function toErrorDetails(errors: ErrorObject[], prefix: string): ErrorDetail[] {
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  for (const error of errors) {
    const params = error.params as { missingProperty?: string; additionalProperty?: string };
    const field = fieldPath(prefix, error.instancePath, params.missingProperty ?? params.additionalProperty);
    const { code, message } = describe(error);
    // anyOf/oneOf report one error per branch; one line per field and code is enough.
    const key = `${field}|${code}`;
    if (seen.has(key) || error.keyword === 'anyOf' || error.keyword === 'oneOf') continue;
    seen.add(key);
    details.push({ field: field || prefix || '(root)', code, message });
  }
  return details;
}

/** INVALID_CHARACTERS when any field carries what cannot be stored, else VALIDATION_FAILED. */
export function validationCode(details: readonly ErrorDetail[]): ErrorCode {
  return details.some((d) => d.code === 'INVALID_CHARACTERS') ? 'INVALID_CHARACTERS' : 'VALIDATION_FAILED';
}

export function validationError(details: ErrorDetail[]): AppError {
  const summary = details.map((d) => `${d.field} ${d.message}`).join('; ');
  return new AppError(validationCode(details), `Invalid request: ${summary}`, details);
}
