import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedSdkFiles } from '../scripts/generate-sdk.ts';

describe('the SDK generated from the merchant OpenAPI document', () => {
  it('is up to date with the server: a changed route or field needs `npm run generate:sdk`', async () => {
    const files = await generatedSdkFiles();
    expect(Object.keys(files).sort()).toEqual(['sdk/openapi.json', 'sdk/src/api-types.ts', 'sdk/src/resources.ts']);
    for (const [file, content] of Object.entries(files)) expect(readFileSync(file, 'utf8'), `${file} is stale`).toBe(content);
    // Every merchant operation has a method: campaigns, orders and webhook endpoints among them.
    expect(files['sdk/src/resources.ts']).toContain('campaigns: {');
    expect(files['sdk/src/resources.ts']).toContain("'PATCH', `/api/v1/orders/${encodeURIComponent(orderId)}`");
    expect(files['sdk/openapi.json']).not.toContain('/api/admin/');
  });
});
