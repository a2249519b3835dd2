import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend } from './support/database.ts';
import { makeCampaign } from './support/catalog-factories.ts';
import { makeAffiliate, makeMerchant, signIn, type SessionClient, type TestMerchant } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
let merchant: TestMerchant;
let merchantClient: SessionClient;
beforeAll(async () => {
  t = await createTestApp();
  merchant = await makeMerchant(t, { businessName: 'Himal Threads' });
  merchantClient = await signIn(t, merchant.email);
});
afterAll(() => t.close());

async function affiliate() {
  const created = await makeAffiliate(t, { displayName: 'Sita' });
  return { ...created, client: await signIn(t, created.email) };
}

const ids = (page: { data: Array<{ id: string }> }) => page.data.map((c) => c.id);

describe(`marketplace on ${backend}`, () => {
  it('lists only public, active, approved campaigns, with commission and terms, filterable by category', async () => {
    const category = `cat-${Date.now()}`;
    const listed = await makeCampaign(t, merchant, {
      publicListing: true,
      category,
      defaultCommissionType: 'PERCENTAGE',
      defaultCommissionValue: 1250,
      termsAndConditions: 'No coupon sites',
      allowedTrafficSources: ['instagram'],
    });
    const approved = await makeCampaign(t, merchant, {
      publicListing: true,
      category,
      approvalRequired: true,
      approvedAt: new Date(),
      defaultCommissionType: 'FIXED',
      defaultCommissionValue: 25000,
    });
    const hidden = [
      await makeCampaign(t, merchant, { publicListing: false, category }),
      await makeCampaign(t, merchant, { publicListing: true, category, status: 'PAUSED' }),
      await makeCampaign(t, merchant, { publicListing: true, category, status: 'DRAFT' }),
      await makeCampaign(t, merchant, { publicListing: true, category, approvalRequired: true, approvedAt: null }),
      await makeCampaign(t, merchant, { publicListing: true, category, endDate: new Date(Date.now() - 60_000), startDate: new Date(Date.now() - 86_400_000) }),
      await makeCampaign(t, merchant, { publicListing: true, category, livemode: false }),
    ];
    const pending = await makeMerchant(t, { approved: false });
    hidden.push(await makeCampaign(t, pending, { publicListing: true, category }));

    const { client } = await affiliate();
    const page = await client.request('GET', `/api/affiliate/marketplace?category=${category.toUpperCase()}`);
    expect(page.status).toBe(200);
    expect(new Set(ids(page.body))).toEqual(new Set([listed.id, approved.id]));
    expect(page.body.total).toBe(2);
    const offer = page.body.data.find((c: { id: string }) => c.id === listed.id);
    expect(offer).toMatchObject({
      title: 'Dashain Sale',
      category,
      merchant: { id: merchant.merchantId, name: 'Himal Threads' },
      commission: { type: 'PERCENTAGE', value: '12.5', currency: 'NPR' },
      termsAndConditions: 'No coupon sites',
      allowedTrafficSources: ['instagram'],
      cookieDurationDays: 30,
      approvalRequired: false,
      membershipStatus: null,
    });
    expect(page.body.data.find((c: { id: string }) => c.id === approved.id).commission).toEqual({ type: 'FIXED', value: '250.00', currency: 'NPR' });

    const categories = await client.request('GET', '/api/affiliate/marketplace/categories');
    expect(categories.body.data).toContain(category);

    // None of the hidden campaigns can be joined by id either.
    for (const campaign of hidden) {
      const join = await client.request('POST', `/api/affiliate/campaigns/${campaign.id}/join`);
      expect(join.status, campaign.id).toBe(404);
    }
    expect((await client.request('POST', '/api/affiliate/campaigns/not-a-uuid/join')).status).toBe(404);
  });

  it('shows what an affiliate would earn when the campaign sets no rate, and searches titles like the public listing', async () => {
    const category = `fallback-${Date.now()}`;
    const plain = await makeCampaign(t, merchant, {
      publicListing: true,
      category,
      title: 'Tihar 100%_Lights',
      defaultCommissionType: null,
      defaultCommissionValue: null,
    });
    const other = await makeCampaign(t, merchant, { publicListing: true, category, title: 'Winter Shawls' });
    const { client } = await affiliate();
    const page = await client.request('GET', `/api/affiliate/marketplace?category=${category}`);
    expect(new Set(ids(page.body))).toEqual(new Set([plain.id, other.id]));
    // The same rate the public listing shows: the campaign's, else the merchant's, else the platform's.
    const listing = await t.app.inject({ method: 'GET', url: `/api/public/campaigns?category=${category}` });
    const publicRate = listing.json().data.find((c: { id: string }) => c.id === plain.id).commission;
    expect(publicRate.source).not.toBe('campaign');
    const { source: _source, ...rate } = publicRate;
    expect(page.body.data.find((c: { id: string }) => c.id === plain.id).commission).toEqual(rate);

    const searched = await client.request('GET', `/api/affiliate/marketplace?category=${category}&search=${encodeURIComponent('100%_LIGHT')}`);
    expect(ids(searched.body)).toEqual([plain.id]);
    const publicSearched = await t.app.inject({ method: 'GET', url: `/api/public/campaigns?category=${category}&search=${encodeURIComponent('100%_LIGHT')}` });
    expect(publicSearched.json().data.map((c: { id: string }) => c.id)).toEqual([plain.id]);
  });

  it('joins at once without approvalRequired, and waits for the merchant with it', async () => {
    const open = await makeCampaign(t, merchant, { publicListing: true });
    const gated = await makeCampaign(t, merchant, { publicListing: true, approvalRequired: true, approvedAt: new Date() });
    const { client, affiliateId } = await affiliate();

    const joined = await client.request('POST', `/api/affiliate/campaigns/${open.id}/join`);
    expect(joined).toMatchObject({ status: 200, body: { campaignId: open.id, status: 'APPROVED' } });
    const asked = await client.request('POST', `/api/affiliate/campaigns/${gated.id}/join`);
    expect(asked.body.status).toBe('PENDING');
    // Asking again changes nothing.
    expect((await client.request('POST', `/api/affiliate/campaigns/${gated.id}/join`)).body.status).toBe('PENDING');

    const queue = await merchantClient.request('GET', `/api/merchant/join-requests?campaignId=${gated.id}`);
    expect(queue.body.data).toEqual([
      expect.objectContaining({ campaignId: gated.id, status: 'PENDING', affiliate: expect.objectContaining({ id: affiliateId, displayName: 'Sita' }) }),
    ]);
    const approve = await merchantClient.request('POST', `/api/merchant/campaigns/${gated.id}/join-requests/${affiliateId}/approve`);
    expect(approve.body).toEqual({ campaignId: gated.id, affiliateId, status: 'APPROVED' });
    expect((await merchantClient.request('GET', `/api/merchant/join-requests?campaignId=${gated.id}`)).body.data).toEqual([]);

    const mine = await client.request('GET', '/api/affiliate/campaigns?status=APPROVED');
    expect(new Set(ids(mine.body))).toEqual(new Set([open.id, gated.id]));
    const market = await client.request('GET', '/api/affiliate/marketplace?pageSize=200');
    expect(market.body.data.find((c: { id: string }) => c.id === gated.id).membershipStatus).toBe('APPROVED');
  });

  it('lets the merchant reject a request, after which joining again is refused', async () => {
    const gated = await makeCampaign(t, merchant, { publicListing: true, approvalRequired: true, approvedAt: new Date() });
    const { client, affiliateId } = await affiliate();
    await client.request('POST', `/api/affiliate/campaigns/${gated.id}/join`);
    const reject = await merchantClient.request('POST', `/api/merchant/campaigns/${gated.id}/join-requests/${affiliateId}/reject`);
    expect(reject.body.status).toBe('REJECTED');
    const again = await client.request('POST', `/api/affiliate/campaigns/${gated.id}/join`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVALID_TRANSITION');
    // Approving an affiliate who never asked is a missing request, not a new membership.
    const stranger = await affiliate();
    expect((await merchantClient.request('POST', `/api/merchant/campaigns/${gated.id}/join-requests/${stranger.affiliateId}/approve`)).status).toBe(404);
  });

  it('keeps private campaigns invite-only', async () => {
    const secret = await makeCampaign(t, merchant, { publicListing: false, approvalRequired: true, approvedAt: new Date() });
    const invited = await affiliate();
    const outsider = await affiliate();

    expect((await outsider.client.request('POST', `/api/affiliate/campaigns/${secret.id}/join`)).status).toBe(404);
    const invite = await merchantClient.request('POST', `/api/merchant/campaigns/${secret.id}/invites`, { affiliateEmail: invited.email.toUpperCase() });
    expect(invite.status).toBe(201);
    expect(invite.body).toEqual({ campaignId: secret.id, affiliateId: invited.affiliateId, status: 'INVITED' });
    const invitations = await invited.client.request('GET', '/api/affiliate/campaigns?status=INVITED');
    expect(ids(invitations.body)).toEqual([secret.id]);

    // Accepting an invitation needs no further approval, even with approvalRequired.
    const accept = await invited.client.request('POST', `/api/affiliate/campaigns/${secret.id}/join`);
    expect(accept.body).toEqual({ campaignId: secret.id, status: 'APPROVED' });
    expect((await outsider.client.request('POST', `/api/affiliate/campaigns/${secret.id}/join`)).status).toBe(404);
    expect((await outsider.client.request('GET', '/api/affiliate/marketplace?pageSize=200')).body.data.map((c: { id: string }) => c.id)).not.toContain(
      secret.id,
    );
  });

  it('scopes merchant actions to the merchant’s own campaigns', async () => {
    const other = await makeMerchant(t);
    const otherClient = await signIn(t, other.email);
    const campaign = await makeCampaign(t, merchant, { publicListing: true, approvalRequired: true, approvedAt: new Date() });
    const { client, affiliateId, email } = await affiliate();
    await client.request('POST', `/api/affiliate/campaigns/${campaign.id}/join`);

    expect((await otherClient.request('POST', `/api/merchant/campaigns/${campaign.id}/join-requests/${affiliateId}/approve`)).status).toBe(404);
    expect((await otherClient.request('POST', `/api/merchant/campaigns/${campaign.id}/invites`, { affiliateEmail: email })).status).toBe(404);
    expect((await otherClient.request('GET', '/api/merchant/join-requests')).body.data).toEqual([]);
    expect((await client.request('POST', `/api/merchant/campaigns/${campaign.id}/invites`, { affiliateEmail: email })).status).toBe(403);

    const unknown = await merchantClient.request('POST', `/api/merchant/campaigns/${campaign.id}/invites`, { affiliateEmail: 'nobody@example.com' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details[0]).toMatchObject({ field: 'affiliateEmail', code: 'UNKNOWN_AFFILIATE' });
  });

  it('turns an invitation into an approval when the affiliate had already asked', async () => {
    const gated = await makeCampaign(t, merchant, { publicListing: true, approvalRequired: true, approvedAt: new Date() });
    const { client, affiliateId, email } = await affiliate();
    await client.request('POST', `/api/affiliate/campaigns/${gated.id}/join`);
    const invite = await merchantClient.request('POST', `/api/merchant/campaigns/${gated.id}/invites`, { affiliateEmail: email });
    expect(invite.body).toEqual({ campaignId: gated.id, affiliateId, status: 'APPROVED' });
  });
});
