import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payoutMethods } from '../src/modules/affiliates/affiliates.tables.ts';
import { openPayoutAccounts } from '../src/modules/affiliates/payout-methods.service.ts';
import { queryRows } from '../src/platform/db/client.ts';
import { sql } from 'drizzle-orm';
import { backend } from './support/database.ts';
import { makeAffiliate, makeMerchant, signIn, type SessionClient } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function newAffiliate(): Promise<{ affiliateId: string; client: SessionClient }> {
  const affiliate = await makeAffiliate(t, { displayName: 'Sita' });
  return { affiliateId: affiliate.affiliateId, client: await signIn(t, affiliate.email) };
}

describe(`affiliate sign-up and profile on ${backend}`, () => {
  it('signs up free as an affiliate and reads the profile', async () => {
    const signup = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { role: 'affiliate', email: 'creator@example.com', password: 'correct horse battery', displayName: 'Creator' },
    });
    expect(signup.statusCode).toBe(201);
    const client = await signIn(t, 'creator@example.com');
    const profile = await client.request('GET', '/api/affiliate/profile');
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({ email: 'creator@example.com', displayName: 'Creator', channels: [], socialHandles: {}, website: null, bio: null });
    expect(profile.body.affiliateId).toBe(client.user.affiliateId);
  });

  it('updates the profile with normalised handles and keeps unspecified fields', async () => {
    const { client } = await newAffiliate();
    const first = await client.request('PATCH', '/api/affiliate/profile', {
      displayName: 'Sita Sharma',
      channels: ['instagram', 'youtube'],
      website: 'https://sita.blog',
      socialHandles: { instagram: 'https://www.instagram.com/sita.np/', youtube: '@SitaVlogs' },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      displayName: 'Sita Sharma',
      channels: ['instagram', 'youtube'],
      website: 'https://sita.blog/',
      socialHandles: { instagram: 'sita.np', youtube: 'SitaVlogs' },
    });
    const second = await client.request('PATCH', '/api/affiliate/profile', { bio: 'Food and travel in Nepal', socialHandles: { youtube: null, x: 'sita_np' } });
    expect(second.body).toMatchObject({ displayName: 'Sita Sharma', bio: 'Food and travel in Nepal', socialHandles: { instagram: 'sita.np', x: 'sita_np' } });
    expect(second.body.socialHandles.youtube).toBeUndefined();
  });

  it('lists every bad profile field', async () => {
    const { client } = await newAffiliate();
    const response = await client.request('PATCH', '/api/affiliate/profile', { channels: ['carrier-pigeon'], website: 'ftp://x.y' });
    expect(response.status).toBe(400);
    const fields = response.body.error.details.map((d: { field: string }) => d.field);
    expect(fields).toContain('channels[0]');
    const other = await client.request('PATCH', '/api/affiliate/profile', { website: 'ftp://x.y', socialHandles: { instagram: 'not a handle' } });
    expect(other.body.error.details.map((d: { field: string; code: string }) => [d.field, d.code])).toEqual([
      ['website', 'INVALID_URL'],
      ['socialHandles.instagram', 'INVALID_HANDLE'],
    ]);
  });

  it('is for affiliates only', async () => {
    const merchant = await makeMerchant(t);
    const client = await signIn(t, merchant.email);
    expect((await client.request('GET', '/api/affiliate/profile')).status).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/affiliate/profile' })).statusCode).toBe(401);
  });
});

describe(`payout methods on ${backend}`, () => {
  it('adds each kind of method, masks the account and seals it at rest', async () => {
    const { affiliateId, client } = await newAffiliate();
    const esewa = await client.request('POST', '/api/affiliate/payout-methods', {
      type: 'ESEWA',
      accountHolderName: 'Sita Sharma',
      mobileNumber: '+977 984-123-4567',
    });
    expect(esewa.status).toBe(201);
    expect(esewa.body).toMatchObject({ type: 'ESEWA', accountHolderName: 'Sita Sharma', accountMasked: '••••4567', isDefault: true });
    const bank = await client.request('POST', '/api/affiliate/payout-methods', {
      type: 'BANK_ACCOUNT',
      accountHolderName: 'Sita Sharma',
      bankName: 'Nabil Bank',
      branch: 'Thamel',
      accountNumber: '0101 0171 2345 6789',
    });
    expect(bank.status).toBe(201);
    expect(bank.body).toMatchObject({ bankName: 'Nabil Bank', branch: 'Thamel', accountMasked: '••••6789', isDefault: false });
    for (const body of [
      { type: 'KHALTI', accountHolderName: 'Sita Sharma', mobileNumber: '9801234567' },
      { type: 'IME_PAY', accountHolderName: 'Sita Sharma', mobileNumber: '9761234567' },
      { type: 'CONNECT_IPS', accountHolderName: 'Sita Sharma', bankCode: 'NARBNPKA', branch: 'Lalitpur', accountNumber: '2233445566' },
    ]) {
      expect((await client.request('POST', '/api/affiliate/payout-methods', body)).status, body.type).toBe(201);
    }

    const list = await client.request('GET', '/api/affiliate/payout-methods');
    expect(list.body.data.map((m: { type: string }) => m.type)).toEqual(['ESEWA', 'BANK_ACCOUNT', 'KHALTI', 'IME_PAY', 'CONNECT_IPS']);
    const text = JSON.stringify(list.body);
    for (const secret of ['9841234567', '0101017123456789', '2233445566']) expect(text).not.toContain(secret);

    // At rest: no column of the stored rows holds the account number, yet the platform can open it.
    const rows = await queryRows(t.platform.db, sql`select * from payout_methods where affiliate_id = ${affiliateId}`);
    const stored = JSON.stringify(rows);
    for (const secret of ['9841234567', '0101017123456789', '0101 0171', '2233445566']) expect(stored).not.toContain(secret);
    const opened = await openPayoutAccounts(t.platform.db, t.platform.secrets, [bank.body.id]);
    expect(opened.get(bank.body.id)?.account).toBe('0101017123456789');
  });

  it('answers 400 naming each invalid field for the method’s type', async () => {
    const { client } = await newAffiliate();
    const wallet = await client.request('POST', '/api/affiliate/payout-methods', { type: 'KHALTI', accountHolderName: 'S', mobileNumber: '014412345' });
    expect(wallet.status).toBe(400);
    expect(wallet.body.error.details.map((d: { field: string; code: string }) => [d.field, d.code])).toEqual([
      ['accountHolderName', 'INVALID_NAME'],
      ['mobileNumber', 'INVALID_MOBILE_NUMBER'],
    ]);
    const bank = await client.request('POST', '/api/affiliate/payout-methods', {
      type: 'BANK_ACCOUNT',
      accountHolderName: 'Sita Sharma',
      accountNumber: '12AB',
    });
    expect(bank.body.error.details.map((d: { field: string; code: string }) => [d.field, d.code])).toEqual([
      ['bankName', 'REQUIRED'],
      ['branch', 'REQUIRED'],
      ['accountNumber', 'INVALID_ACCOUNT_NUMBER'],
    ]);
    const unknown = await client.request('POST', '/api/affiliate/payout-methods', { type: 'PAYPAL', accountHolderName: 'Sita Sharma' });
    expect(unknown.status).toBe(400);
    expect((await client.request('GET', '/api/affiliate/payout-methods')).body.data).toEqual([]);
  });

  it('refuses the same account twice, moves the default, and removes methods', async () => {
    const { client } = await newAffiliate();
    const body = { type: 'ESEWA', accountHolderName: 'Sita Sharma', mobileNumber: '9841111111' };
    const first = await client.request('POST', '/api/affiliate/payout-methods', body);
    const again = await client.request('POST', '/api/affiliate/payout-methods', { ...body, mobileNumber: '+977 9841111111' });
    expect(again.status).toBe(409);
    const second = await client.request('POST', '/api/affiliate/payout-methods', { ...body, type: 'KHALTI', isDefault: true });
    expect(second.body.isDefault).toBe(true);
    let list = (await client.request('GET', '/api/affiliate/payout-methods')).body.data as Array<{ id: string; isDefault: boolean }>;
    expect(list.filter((m) => m.isDefault).map((m) => m.id)).toEqual([second.body.id]);

    expect((await client.request('DELETE', `/api/affiliate/payout-methods/${second.body.id}`)).status).toBe(204);
    list = (await client.request('GET', '/api/affiliate/payout-methods')).body.data;
    expect(list).toEqual([expect.objectContaining({ id: first.body.id, isDefault: true })]);
    expect((await client.request('DELETE', `/api/affiliate/payout-methods/${second.body.id}`)).status).toBe(404);
  });

  it('keeps affiliates out of each other’s payout methods', async () => {
    const a = await newAffiliate();
    const b = await newAffiliate();
    const method = await a.client.request('POST', '/api/affiliate/payout-methods', {
      type: 'ESEWA',
      accountHolderName: 'Sita Sharma',
      mobileNumber: '9842222222',
    });
    expect((await b.client.request('GET', '/api/affiliate/payout-methods')).body.data).toEqual([]);
    expect((await b.client.request('DELETE', `/api/affiliate/payout-methods/${method.body.id}`)).status).toBe(404);
    expect((await b.client.request('POST', `/api/affiliate/payout-methods/${method.body.id}/default`)).status).toBe(404);
    const [row] = await t.platform.db.select().from(payoutMethods).where(eq(payoutMethods.id, method.body.id));
    expect(row?.removedAt).toBeNull();
  });
});
