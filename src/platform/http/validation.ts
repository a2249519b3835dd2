import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formatsPlugin from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { AppError, type ErrorDetail } from '../errors.ts';

export const MONEY_PATTERN = '^\\d+(\\.\\d+)?$';

function makeAjv(coerceTypes: boolean): Ajv {
  // Bodies are never coerced: a JSON number where a decimal string is expected must be an error.
  // Query strings and path params arrive as text, so those are coerced ("2" → 2).
  const ajv = new Ajv({ allErrors: true, coerceTypes, useDefaults: true, removeAdditional: false, strict: false, verbose: true });
  // ajv-formats is CommonJS; under NodeNext its callable export sits on `default`.
  (formatsPlugin as unknown as { default: (ajv: Ajv) => void }).default(ajv);
  return ajv;
}

const strictAjv = makeAjv(false);
const coercingAjv = makeAjv(true);

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? strictAjv : coercingAjv).compile(schema as object);

/** Compile a schema for validating values by hand, e.g. each item of a bulk request on its own. */
export function compileValidator<T>(schema: object): (value: unknown) => { ok: true; value: T } | { ok: false; details: ErrorDetail[] } {
  const validate: ValidateFunction = strictAjv.compile(schema);
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

export function validationError(details: ErrorDetail[]): AppError {
  const summary = details.map((d) => `${d.field} ${d.message}`).join('; ');
  return new AppError('VALIDATION_FAILED', `Invalid request: ${summary}`, details);
}
