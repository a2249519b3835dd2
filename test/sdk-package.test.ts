import { execFile, execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend } from './support/database.ts';
import { makeMerchant, type TestMerchant } from './support/factories.ts';
import { createTestApp, tempDir, type TestApp } from './support/test-app.ts';

// The SDK as a user gets it: `npm pack`, installed into an empty folder, run by plain Node (no TypeScript).
const scratch = tempDir('influencemart-sdk-');
let t: TestApp;
let merchant: TestMerchant;
beforeAll(async () => {
  t = await createTestApp({ listen: true });
  merchant = await makeMerchant(t);
  execFileSync('npm', ['pack', '--silent', '--pack-destination', scratch.dir], { cwd: 'sdk', stdio: 'pipe' });
  const tarball = readdirSync(scratch.dir).find((file) => file.endsWith('.tgz'))!;
  writeFileSync(join(scratch.dir, 'package.json'), JSON.stringify({ name: 'store', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent', `./${tarball}`], { cwd: scratch.dir, stdio: 'pipe' });
}, 180_000);
afterAll(async () => {
  scratch.remove();
  await t.close();
});

const STORE_SCRIPT = `
import { InfluencemartClient, InfluencemartError, verifyWebhook } from '@influencemart/sdk';

const client = new InfluencemartClient({
  baseUrl: process.env.BASE_URL,
  publishableKey: process.env.PK,
  signingSecret: process.env.SK,
});
const campaign = await client.campaigns.create({ title: 'Packed SDK sale', defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: '8' });
const listed = await client.campaigns.list();
let refusal;
try {
  await client.campaigns.create({ title: '' , defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: '8' });
} catch (error) {
  refusal = { isTyped: error instanceof InfluencemartError, status: error.status, code: error.code };
}
const event = verifyWebhook(process.env.WEBHOOK_SECRET, process.env.WEBHOOK_BODY, JSON.parse(process.env.WEBHOOK_HEADERS));
console.log(JSON.stringify({ campaign, total: listed.total, refusal, eventType: event.type }));
`;

describe(`the packed SDK under plain Node on ${backend}`, () => {
  it('installs from its tarball and signs, types its errors and verifies webhooks from JavaScript', async () => {
    writeFileSync(join(scratch.dir, 'store.mjs'), STORE_SCRIPT);
    const secret = `whsec_${Buffer.from('packed-sdk-webhook-secret-32-bytes!').toString('base64')}`;
    const body = JSON.stringify({ id: 'evt_1', type: 'test.ping', createdAt: new Date().toISOString(), livemode: false, data: {} });
    const headers = { 'webhook-id': 'evt_1', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)) };
    const signature = new Webhook(secret).sign('evt_1', new Date(Number(headers['webhook-timestamp']) * 1000), body);
    // Asynchronously: the server answering it runs in this very process.
    const { stdout } = await promisify(execFile)(process.execPath, ['store.mjs'], {
      cwd: scratch.dir,
      env: {
        PATH: process.env.PATH,
        BASE_URL: t.url,
        PK: merchant.keys.test.publishableKey,
        SK: merchant.keys.test.signingSecret,
        WEBHOOK_SECRET: secret,
        WEBHOOK_BODY: body,
        WEBHOOK_HEADERS: JSON.stringify({ ...headers, 'webhook-signature': signature }),
      },
      encoding: 'utf8',
    });
    const result = JSON.parse(stdout.trim());
    expect(result.campaign).toMatchObject({ title: 'Packed SDK sale', status: 'DRAFT', defaultCommissionValue: '8' });
    expect(result.total).toBe(1);
    expect(result.refusal).toEqual({ isTyped: true, status: 400, code: 'VALIDATION_FAILED' });
    expect(result.eventType).toBe('test.ping');
  });
});
