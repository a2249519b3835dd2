import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend } from './support/database.ts';
import { makeMerchant, signIn } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe(`store profile on ${backend}`, () => {
  it('lets the merchant edit its name, website and contact, clearing optional fields, and refuses bad input by field', async () => {
    const merchant = await makeMerchant(t);
    const session = await signIn(t, merchant.email);
    const edited = await session.request('PATCH', '/api/merchant/account', {
      businessName: '  Bhaktapur Pottery  ',
      website: 'https://pottery.example.com',
      contactName: 'Sita',
      contactPhone: '',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      businessName: 'Bhaktapur Pottery',
      website: 'https://pottery.example.com',
      contactName: 'Sita',
      contactPhone: null,
      status: 'APPROVED',
    });
    const cleared = await session.request('PATCH', '/api/merchant/account', { website: '' });
    expect(cleared.body).toMatchObject({ businessName: 'Bhaktapur Pottery', website: null, contactName: 'Sita' });

    const bad = await session.request('PATCH', '/api/merchant/account', { businessName: '   ', website: 'not a url', status: 'APPROVED' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['businessName', 'status', 'website']);
    expect((await session.request('GET', '/api/merchant/account')).body.businessName).toBe('Bhaktapur Pottery');
  });
});
