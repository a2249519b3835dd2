/**
 * A small valid-looking value for a JSON schema (as TypeBox produces), so that generic tests can
 * send each route a body that gets past validation and reaches the handler. Best effort: a value
 * that still fails validation only means that call is refused earlier.
 */
export function sampleFor(schema: unknown, depth = 0): unknown {
  const s = (schema ?? {}) as Record<string, any>;
  if (depth > 6) return undefined;
  if ('const' in s) return s.const;
  if ('default' in s) return s.default;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
  const branches = s.anyOf ?? s.oneOf;
  if (Array.isArray(branches) && branches.length > 0) return sampleFor(branches.find((b: any) => b.type !== 'null') ?? branches[0], depth + 1);
  if (Array.isArray(s.allOf)) return Object.assign({}, ...s.allOf.map((part: unknown) => sampleFor(part, depth + 1)));
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of (s.required as string[] | undefined) ?? []) out[name] = sampleFor(s.properties?.[name], depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sampleFor(s.items, depth + 1));
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string':
      return sampleString(s);
    default:
      return {};
  }
}

function sampleString(s: Record<string, any>): string {
  switch (s.format) {
    case 'email':
      return 'matrix-sample@example.com';
    case 'uri':
    case 'url':
      return 'https://matrix-sample.example.com/item';
    case 'date-time':
      return new Date().toISOString();
    case 'date':
      return new Date().toISOString().slice(0, 10);
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
  }
  if (typeof s.pattern === 'string') {
    if (new RegExp(s.pattern).test('10.00')) return '10.00';
    if (new RegExp(s.pattern).test('200')) return '200';
  }
  const base = 'matrix-sample.example.com';
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 64;
  return base.padEnd(min, 'x').slice(0, Math.max(min, Math.min(max, base.length)));
}
