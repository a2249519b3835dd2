import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const source = readFileSync(new URL('./capture-script.js', import.meta.url), 'utf8');

describe('capture script', () => {
  it('stays under 2 KB as served', () => {
    expect(Buffer.byteLength(source, 'utf8')).toBeLessThan(2048);
  });

  it('parses as a classic script (no modules, no syntax a merchant’s older browsers would choke on)', () => {
    expect(() => new Function(source)).not.toThrow();
    expect(source).not.toMatch(/\b(import|export|const|let|class)\b|=>|`/);
  });
});
