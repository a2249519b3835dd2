/**
 * PostgreSQL cannot store a NUL character (in text or jsonb), and refuses a lone UTF-16 surrogate
 * inside jsonb; either one fails the whole statement. This is the one definition of "text the
 * database can take": request validation refuses anything else, and the redirect cleans it.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/** The value without NULs, a lone surrogate becoming U+FFFD (what a UTF-8 encoder writes for it). */
export function toStorableText(value: string): string {
  if (!UNSTORABLE.test(value)) return value;
  return value.replace(UNSTORABLE_ALL, (found) => (found === '\u0000' ? '' : '\uFFFD'));
}
