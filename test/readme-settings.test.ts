import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('README configuration table', () => {
  it('lists every environment variable the platform reads', () => {
    const config = readFileSync('src/platform/config.ts', 'utf8');
    const names = new Set([...config.matchAll(/\(env, '([A-Z0-9_]+)'/g), ...config.matchAll(/env\.([A-Z0-9_]+)/g)].map((m) => m[1]!));
    expect(names.size).toBeGreaterThan(20);
    const readme = readFileSync('README.md', 'utf8');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Running on PostgreSQL'));
    expect([...names].filter((name) => !table.includes(`| \`${name}\` |`))).toEqual([]);
  });
});
