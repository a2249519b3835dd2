import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkQrSvg } from '../src/modules/links/link-qr.ts';
import { backend } from './support/database.ts';
import { makeCampaign, makeProduct } from './support/catalog-factories.ts';
import { makeAffiliate, makeMerchant, signIn, type SessionClient, type TestMerchant } from './support/factories.ts';
import { approveMembership } from './support/link-factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
let merchant: TestMerchant;
let other: TestMerchant;
beforeAll(async () => {
  t = await createTestApp();
  merchant = await makeMerchant(t);
  other = await makeMerchant(t);
});
afterAll(() => t.close());

async function affiliate(): Promise<{ affiliateId: string; client: SessionClient }> {
  const created = await makeAffiliate(t);
  return { affiliateId: created.affiliateId, client: await signIn(t, created.email) };
}

const names = (body: { data: { name: string }[] }) => body.data.map((p) => p.name).sort();

describe(`link builder's product picker on ${backend}`, () => {
  it('searches the active products of a joined campaign, a page at a time', async () => {
    const campaign = await makeCampaign(t, merchant, { title: 'Tea Festival' });
    const elsewhere = await makeCampaign(t, merchant);
    for (const name of ['Ilam green tea', 'Ilam black tea', 'Darjeeling first flush', 'Tea strainer'])
      await makeProduct(t, merchant, { campaignId: campaign.id, name });
    await makeProduct(t, merchant, { campaignId: campaign.id, name: 'Ilam oolong', status: 'ARCHIVED' });
    await makeProduct(t, merchant, { campaignId: elsewhere.id, name: 'Ilam white tea' });
    const { affiliateId, client } = await affiliate();
    await approveMembership(t, campaign, affiliateId);

    const all = await client.request('GET', `/api/affiliate/campaigns/${campaign.id}/products`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(4);
    expect(names(all.body)).toEqual(['Darjeeling first flush', 'Ilam black tea', 'Ilam green tea', 'Tea strainer']);
    expect(all.body.data[0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      imageUrl: null,
      productUrl: expect.stringMatching(/^https:\/\//),
      price: '2999.00',
      discountPrice: null,
      currency: 'NPR',
    });

    const ilam = await client.request('GET', `/api/affiliate/campaigns/${campaign.id}/products?search=ilam`);
    expect(names(ilam.body)).toEqual(['Ilam black tea', 'Ilam green tea']);

    const first = await client.request('GET', `/api/affiliate/campaigns/${campaign.id}/products?search=tea&pageSize=2&page=1`);
    const second = await client.request('GET', `/api/affiliate/campaigns/${campaign.id}/products?search=tea&pageSize=2&page=2`);
    expect(first.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(first.body.data).toHaveLength(2);
    expect(second.body.data).toHaveLength(1);
    expect(new Set([...names(first.body), ...names(second.body)])).toEqual(new Set(['Ilam black tea', 'Ilam green tea', 'Tea strainer']));

    // The picked product makes a link.
    const picked = ilam.body.data[0];
    const link = await client.request('POST', '/api/affiliate/links', { campaignId: campaign.id, productId: picked.id });
    expect(link.status).toBe(201);
    expect(link.body).toMatchObject({ productId: picked.id, productName: picked.name });
  });

  it('shows no products of a campaign the affiliate has not joined, is still waiting for, or that belongs to nobody', async () => {
    const { affiliateId, client } = await affiliate();
    const notJoined = await makeCampaign(t, merchant);
    await makeProduct(t, merchant, { campaignId: notJoined.id });
    const waiting = await makeCampaign(t, other, { publicListing: true, approvalRequired: true, approvedAt: new Date() });
    await makeProduct(t, other, { campaignId: waiting.id });
    expect((await client.request('POST', `/api/affiliate/campaigns/${waiting.id}/join`)).body.status).toBe('PENDING');
    // Joined by someone else only.
    const someoneElses = await makeCampaign(t, other);
    await approveMembership(t, someoneElses, (await affiliate()).affiliateId);

    for (const id of [notJoined.id, waiting.id, someoneElses.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const response = await client.request('GET', `/api/affiliate/campaigns/${id}/products`);
      expect(response.status, id).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }

    // Approval opens the catalogue.
    await approveMembership(t, waiting, affiliateId);
    expect((await client.request('GET', `/api/affiliate/campaigns/${waiting.id}/products`)).body.total).toBe(1);
  });

  it('refuses a bad page or search with the field named, and anyone but an affiliate', async () => {
    const campaign = await makeCampaign(t, merchant);
    const { affiliateId, client } = await affiliate();
    await approveMembership(t, campaign, affiliateId);
    const badPage = await client.request('GET', `/api/affiliate/campaigns/${campaign.id}/products?pageSize=500`);
    expect(badPage.status).toBe(400);
    expect(JSON.stringify(badPage.body.error.details)).toContain('pageSize');
    const longSearch = await client.request('GET', `/api/affiliate/campaigns/${campaign.id}/products?search=${'x'.repeat(121)}`);
    expect(longSearch.status).toBe(400);
    expect(JSON.stringify(longSearch.body.error.details)).toContain('search');

    const merchantSession = await signIn(t, merchant.email);
    expect((await merchantSession.request('GET', `/api/affiliate/campaigns/${campaign.id}/products`)).status).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/affiliate/campaigns/${campaign.id}/products` })).statusCode).toBe(401);
  });

  it('lists only the affiliate’s own links, even in a campaign another affiliate shares', async () => {
    const campaign = await makeCampaign(t, merchant);
    const mine = await affiliate();
    const theirs = await affiliate();
    await approveMembership(t, campaign, mine.affiliateId);
    await approveMembership(t, campaign, theirs.affiliateId);
    const myLink = await mine.client.request('POST', '/api/affiliate/links', { campaignId: campaign.id });
    await theirs.client.request('POST', '/api/affiliate/links', { campaignId: campaign.id });
    const list = await mine.client.request('GET', `/api/affiliate/links?campaignId=${campaign.id}`);
    expect(list.body.total).toBe(1);
    expect(list.body.data.map((l: { id: string }) => l.id)).toEqual([myLink.body.id]);
  });

  it('draws a QR code of the link with the sub-ids asked for, and refuses one too long for the redirect', async () => {
    const campaign = await makeCampaign(t, merchant);
    const { affiliateId, client } = await affiliate();
    await approveMembership(t, campaign, affiliateId);
    const link = (await client.request('POST', '/api/affiliate/links', { campaignId: campaign.id })).body;

    const plain = await client.request('GET', `/api/affiliate/links/${link.id}/qr.svg`);
    expect(plain.body).toBe(await linkQrSvg(link.url));
    const tagged = await client.request('GET', `/api/affiliate/links/${link.id}/qr.svg?sub3=reel%202&sub1=spring-sale`);
    expect(tagged.status).toBe(200);
    expect(tagged.body).toBe(await linkQrSvg(`${link.url}?sub1=spring-sale&sub3=reel+2`));
    expect(tagged.body).not.toBe(plain.body);

    const tooLong = await client.request('GET', `/api/affiliate/links/${link.id}/qr.svg?sub2=${'x'.repeat(101)}`);
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body.error.details)).toContain('sub2');
    const png = await client.request('GET', `/api/affiliate/links/${link.id}/qr.png?size=200&sub1=spring-sale`);
    expect(png.status).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
  });
});
