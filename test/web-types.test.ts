import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWebTypes, WEB_TYPES_FILE } from '../scripts/generate-web-types.ts';
import { backend } from './support/database.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/** The dashboard and the server share one contract: generated types, and only paths the server serves. */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const WEB_SRC = path.resolve(import.meta.dirname, '../web/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.generated.ts') ? [full] : [];
  });
}

interface Call {
  file: string;
  method: string | undefined;
  path: string;
}

/** Every API path written in the dashboard's source: typed calls (`api.GET('/api/…')`) and any other '/api/…' literal (image sources). */
function callsInWebClient(): Call[] {
  const calls: Call[] = [];
  for (const file of sourceFiles(WEB_SRC)) {
    const text = readFileSync(file, 'utf8');
    const typed = new Set<number>();
    for (const match of text.matchAll(/\.(GET|POST|PATCH|PUT|DELETE)\(\s*['"`](\/api\/[^'"`?]*)/g)) {
      calls.push({ file, method: match[1], path: match[2]! });
      typed.add(match.index! + match[0].indexOf(match[2]!));
    }
    for (const match of text.matchAll(/['"`](\/api\/[^'"`?\s]*)/g)) {
      if (!typed.has(match.index! + 1)) calls.push({ file, method: undefined, path: match[1]! });
    }
  }
  return calls;
}

const isParameter = (segment: string) => /^\{[^}]+\}$/.test(segment) || /^\$\{[^}]*\}$/.test(segment);

/** `/api/v1/campaigns/{id}` (or a template literal's `${id}`) matches the route `/api/v1/campaigns/:id`. */
function matches(routeUrl: string, called: string): boolean {
  const route = routeUrl.split('/');
  const parts = called.split('/');
  return route.length === parts.length && route.every((segment, i) => segment === parts[i] || (segment.startsWith(':') && isParameter(parts[i]!)));
}

describe(`web client contract on ${backend}`, () => {
  it('has committed types identical to what the server’s session document generates (run npm run generate:web-types)', async () => {
    expect(readFileSync(WEB_TYPES_FILE, 'utf8')).toBe(await generateWebTypes(t.app));
  });

  it('calls only paths the server’s route table has, with the method it serves', () => {
    const calls = callsInWebClient();
    expect(calls.length).toBeGreaterThan(20);
    const missing = calls.filter(
      (call) => !t.app.routeTable.some((route) => (call.method === undefined || route.method === call.method) && matches(route.url, call.path)),
    );
    expect(missing.map((call) => `${call.method ?? 'any'} ${call.path} (${path.relative(WEB_SRC, call.file)})`)).toEqual([]);
  });
});
