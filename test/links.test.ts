import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend } from './support/database.ts';
import { makeCampaign, makeProduct } from './support/catalog-factories.ts';
import { makeAffiliate, makeMerchant, PASSWORD, signIn, type SessionClient, type TestMerchant } from './support/factories.ts';
import { approveMembership } from './support/link-factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
let merchant: TestMerchant;
beforeAll(async () => {
  t = await createTestApp({ config: { publicBaseUrl: 'https://go.influencemart.example' } });
  merchant = await makeMerchant(t);
});
afterAll(() => t.close());

async function affiliate(): Promise<{ affiliateId: string; email: string; client: SessionClient }> {
  const created = await makeAffiliate(t);
  return { affiliateId: created.affiliateId, email: created.email, client: await signIn(t, created.email) };
}

describe(`affiliate links on ${backend}`, () => {
  it('makes short, unguessable links for a joined campaign and for its products', async () => {
    const campaign = await makeCampaign(t, merchant, { title: 'Tihar Lights' });
    const product = await makeProduct(t, merchant, { campaignId: campaign.id, name: 'Diyo set' });
    const { affiliateId, client } = await affiliate();
    await approveMembership(t, campaign, affiliateId);

    const campaignLink = await client.request('POST', '/api/affiliate/links', { campaignId: campaign.id });
    expect(campaignLink.status).toBe(201);
    expect(campaignLink.body).toMatchObject({ campaignId: campaign.id, campaignTitle: 'Tihar Lights', productId: null, status: 'ACTIVE', clicks: 0 });
    expect(campaignLink.body.id).toMatch(/^lnk_/);
    expect(campaignLink.body.code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    expect(campaignLink.body.url).toBe(`https://go.influencemart.example/r/${campaignLink.body.code}`);

    const productLink = await client.request('POST', '/api/affiliate/links', { campaignId: campaign.id, productId: product.id });
    expect(productLink.body).toMatchObject({ productId: product.id, productName: 'Diyo set' });
    expect(productLink.body.code).not.toBe(campaignLink.body.code);

    const list = await client.request('GET', '/api/affiliate/links');
    expect(list.body.total).toBe(2);
    expect(list.body.data.map((l: { id: string }) => l.id)).toEqual([productLink.body.id, campaignLink.body.id]);
  });

  it('gives every link its own code', async () => {
    const campaign = await makeCampaign(t, merchant);
    const { affiliateId, client } = await affiliate();
    await approveMembership(t, campaign, affiliateId);
    const codes = new Set<string>();
    for (let i = 0; i < 20; i++) codes.add((await client.request('POST', '/api/affiliate/links', { campaignId: campaign.id })).body.code);
    expect(codes.size).toBe(20);
  });

  it('refuses campaigns the affiliate has not joined, ended campaigns and foreign or archived products', async () => {
    const { affiliateId, client } = await affiliate();
    const notJoined = await makeCampaign(t, merchant);
    expect((await client.request('POST', '/api/affiliate/links', { campaignId: notJoined.id })).status).toBe(404);
    expect((await client.request('POST', '/api/affiliate/links', { campaignId: 'nope' })).status).toBe(404);

    const pending = await makeCampaign(t, merchant, { publicListing: true, approvalRequired: true, approvedAt: new Date() });
    await client.request('POST', `/api/affiliate/campaigns/${pending.id}/join`);
    const waiting = await client.request('POST', '/api/affiliate/links', { campaignId: pending.id });
    expect(waiting.status).toBe(403);
    expect(waiting.body.error.code).toBe('CAMPAIGN_NOT_JOINED');

    const ended = await makeCampaign(t, merchant, { startDate: new Date(Date.now() - 86_400_000 * 2), endDate: new Date(Date.now() - 1000) });
    const archived = await makeCampaign(t, merchant, { status: 'ARCHIVED' });
    for (const campaign of [ended, archived]) {
      await approveMembership(t, campaign, affiliateId);
      const response = await client.request('POST', '/api/affiliate/links', { campaignId: campaign.id });
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('CAMPAIGN_INACTIVE');
    }

    const campaign = await makeCampaign(t, merchant);
    await approveMembership(t, campaign, affiliateId);
    const elsewhere = await makeProduct(t, merchant, { campaignId: (await makeCampaign(t, merchant)).id });
    const foreign = await client.request('POST', '/api/affiliate/links', { campaignId: campaign.id, productId: elsewhere.id });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.details[0]).toMatchObject({ field: 'productId', code: 'NOT_IN_CAMPAIGN' });
    const old = await makeProduct(t, merchant, { campaignId: campaign.id, status: 'ARCHIVED' });
    const archivedProduct = await client.request('POST', '/api/affiliate/links', { campaignId: campaign.id, productId: old.id });
    expect(archivedProduct.status).toBe(422);
    expect((await client.request('GET', '/api/affiliate/links')).body.total).toBe(0);
  });

  it('archives a link and filters the list by status', async () => {
    const campaign = await makeCampaign(t, merchant);
    const { affiliateId, client } = await affiliate();
    await approveMembership(t, campaign, affiliateId);
    const link = (await client.request('POST', '/api/affiliate/links', { campaignId: campaign.id })).body;
    const archived = await client.request('POST', `/api/affiliate/links/${link.id}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ id: link.id, status: 'ARCHIVED' });
    expect(archived.body.archivedAt).not.toBeNull();
    expect((await client.request('GET', '/api/affiliate/links?status=ACTIVE')).body.total).toBe(0);
    expect((await client.request('GET', '/api/affiliate/links?status=ARCHIVED')).body.data.map((l: { id: string }) => l.id)).toEqual([link.id]);
  });

  it('draws a QR code of the short link as SVG and PNG', async () => {
    const campaign = await makeCampaign(t, merchant);
    const { affiliateId, email, client } = await affiliate();
    await approveMembership(t, campaign, affiliateId);
    const link = (await client.request('POST', '/api/affiliate/links', { campaignId: campaign.id })).body;

    const svg = await client.request('GET', `/api/affiliate/links/${link.id}/qr.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(String(svg.body)).toMatch(/^<svg[^>]*viewBox/);

    // Binary body: read it through inject directly rather than the JSON-minded session client.
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
    const session = login.cookies.find((c) => c.name === 'im_session')!.value;
    const png = await t.app.inject({ method: 'GET', url: `/api/affiliate/links/${link.id}/qr.png?size=300`, cookies: { im_session: session } });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    const bytes = png.rawPayload;
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(bytes.readUInt32BE(16)).toBe(300); // IHDR width
  });

  it('keeps each affiliate’s links to themselves', async () => {
    const campaign = await makeCampaign(t, merchant);
    const owner = await affiliate();
    const other = await affiliate();
    await approveMembership(t, campaign, owner.affiliateId);
    const link = (await owner.client.request('POST', '/api/affiliate/links', { campaignId: campaign.id })).body;
    expect((await other.client.request('GET', '/api/affiliate/links')).body.total).toBe(0);
    expect((await other.client.request('POST', `/api/affiliate/links/${link.id}/archive`)).status).toBe(404);
    expect((await other.client.request('GET', `/api/affiliate/links/${link.id}/qr.svg`)).status).toBe(404);
    expect((await other.client.request('POST', '/api/affiliate/links', { campaignId: campaign.id })).status).toBe(404);
  });
});
