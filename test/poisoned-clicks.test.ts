import pino from 'pino';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClickBuffer } from '../src/modules/tracking/click-buffer.ts';
import { clicks, type ClickRow } from '../src/modules/tracking/clicks.tables.ts';
import { insertClicks } from '../src/modules/tracking/insert-clicks.ts';
import { setAsideClick } from '../src/modules/tracking/set-aside-clicks.ts';
import { isRefusedData } from '../src/platform/db/sql-state.ts';
import { backend } from './support/database.ts';
import { makeAdmin, makeMerchant, signIn } from './support/factories.ts';
import { makeLink } from './support/link-factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
// Nothing is written until the test flushes.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { clickFlushIntervalMs: 3_600_000, clickFlushBatchSize: 100_000 } });
});
afterAll(() => t.close());

async function click(code: string, query: string, ip: string, headers: Record<string, string> = {}) {
  const response = await t.app.inject({ method: 'GET', url: `/r/${code}${query}`, headers: { 'user-agent': CHROME, 'x-forwarded-for': ip, ...headers } });
  expect(response.statusCode).toBe(302);
  return new URL(response.headers.location as string).searchParams.get('affiliate_click_id')!;
}

describe(`clicks carrying what the database cannot store, on ${backend}`, () => {
  it('a NUL in a sub-id or referrer is cleaned at the redirect, and other merchants’ clicks keep being written', async () => {
    const poisoned = await makeLink(t, await makeMerchant(t));
    const other = await makeLink(t, await makeMerchant(t));
    const bad = await click(poisoned.link.code, '?sub1=%00&sub2=a%00b&sub3=%F0%9F%98%80', '198.51.100.1', { referer: 'https://ref.example/\u0000x' });
    const good = await click(other.link.code, '?sub1=ok', '198.51.100.2');

    await t.app.tracking.flushClicks();
    const rows = await t.platform.db
      .select()
      .from(clicks)
      .where(inArray(clicks.id, [bad, good]));
    expect(rows.find((r) => r.id === bad)).toMatchObject({ subIds: { sub2: 'ab', sub3: '😀' }, referrer: 'https://ref.example/x' });
    expect(rows.find((r) => r.id === good)).toMatchObject({ subIds: { sub1: 'ok' } });
  });

  it('a sub-id cut inside a surrogate pair is still storable', async () => {
    const { link } = await makeLink(t, await makeMerchant(t));
    const id = await click(link.code, `?sub1=${'x'.repeat(99)}%F0%9F%98%80`, '198.51.100.3');
    await t.app.tracking.flushClicks();
    const [row] = await t.platform.db.select().from(clicks).where(eq(clicks.id, id));
    expect(row!.subIds.sub1).toBe(`${'x'.repeat(99)}\uFFFD`);
  });

  it('a row the database refuses is set aside, the rest of its batch is stored, and an admin can list it', async () => {
    const { link } = await makeLink(t, await makeMerchant(t));
    const good = await click(link.code, '', '198.51.100.4');
    const template = (await t.app.tracking.findClick(good))!;
    const rows: ClickRow[] = ['A', 'B', 'C', 'D', 'E'].map((n) => ({ ...template, id: `clk_poison${n}${'A'.repeat(12)}` }));
    rows[1] = { ...rows[1]!, subIds: { sub1: 'x\u0000y' } };
    rows[3] = { ...rows[3]!, userAgent: 'agent \u0000', subIds: { sub2: '\uD800' } };
    const buffer = new ClickBuffer((batch) => insertClicks(t.platform.db, batch), {
      flushIntervalMs: 3_600_000,
      batchSize: 1000,
      log: pino({ level: 'silent' }),
      refusesRows: isRefusedData,
      setAside: (row, reason) => setAsideClick(t.platform.db, row, reason),
    });
    for (const row of rows) buffer.add(row);
    await buffer.flush();
    const stored = await t.platform.db
      .select({ id: clicks.id })
      .from(clicks)
      .where(
        inArray(
          clicks.id,
          rows.map((r) => r.id),
        ),
      );
    expect(stored.map((r) => r.id).sort()).toEqual([rows[0]!.id, rows[2]!.id, rows[4]!.id]);
    expect(buffer.setAside).toBe(2);

    const admin = await makeAdmin(t);
    const session = await signIn(t, admin.email);
    const list = await session.request('GET', '/api/admin/set-aside-clicks?pageSize=10');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    const listed = list.body.data.map((r: { clickId: string }) => r.clickId).sort();
    expect(listed).toEqual([rows[1]!.id, rows[3]!.id]);
    const entry = list.body.data.find((r: { clickId: string }) => r.clickId === rows[1]!.id);
    expect(entry).toMatchObject({ merchantId: template.merchantId, linkId: link.id, reason: expect.any(String) });
    expect(JSON.parse(entry.click)).toMatchObject({ id: rows[1]!.id, subIds: { sub1: 'x\u0000y' } });

    const merchant = await signIn(t, (await makeMerchant(t)).email);
    expect((await merchant.request('GET', '/api/admin/set-aside-clicks')).status).toBe(403);
  });

  it('an admin replays a set-aside click, as recorded or corrected: it is stored, leaves the list and is audited', async () => {
    const { link } = await makeLink(t, await makeMerchant(t));
    const template = (await t.app.tracking.findClick(await click(link.code, '', '198.51.100.5')))!;
    await t.app.tracking.flushClicks();
    const asRecorded = { ...template, id: 'clk_replayAAAAAAAAAAAAAA1', subIds: { sub1: 'x\u0000y', sub2: '\uD800' } };
    const corrected = { ...template, id: 'clk_replayAAAAAAAAAAAAAA2', userAgent: 'agent \u0000' };
    const hopeless = { ...template, id: 'clk_replayAAAAAAAAAAAAAA3', campaignId: 'not-a-uuid' };
    for (const row of [asRecorded, corrected, hopeless]) await setAsideClick(t.platform.db, row, 'refused');
    const admin = await makeAdmin(t);
    const session = await signIn(t, admin.email);

    const first = await session.request('POST', `/api/admin/set-aside-clicks/${asRecorded.id}/replay`);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({
      clickId: asRecorded.id,
      merchantId: template.merchantId,
      linkId: link.id,
      clickedAt: template.clickedAt.toISOString(),
      stored: true,
    });
    const second = await session.request('POST', `/api/admin/set-aside-clicks/${corrected.id}/replay`, {
      userAgent: 'Fixed agent',
      subIds: { sub3: 'campaign-a' },
    });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    const stored = await t.platform.db
      .select()
      .from(clicks)
      .where(inArray(clicks.id, [asRecorded.id, corrected.id]));
    expect(stored.find((r) => r.id === asRecorded.id)).toMatchObject({
      subIds: { sub1: 'xy', sub2: '\uFFFD' },
      linkId: link.id,
      merchantId: template.merchantId,
    });
    expect(stored.find((r) => r.id === corrected.id)).toMatchObject({ userAgent: 'Fixed agent', subIds: { sub3: 'campaign-a' } });

    const refused = await session.request('POST', `/api/admin/set-aside-clicks/${hopeless.id}/replay`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('CLICK_REFUSED');
    const left = (await session.request('GET', '/api/admin/set-aside-clicks?pageSize=200')).body.data.map((r: { clickId: string }) => r.clickId);
    expect(left).toContain(hopeless.id);
    expect(left).not.toContain(asRecorded.id);
    expect(left).not.toContain(corrected.id);

    expect((await session.request('POST', `/api/admin/set-aside-clicks/${asRecorded.id}/replay`)).status).toBe(404);
    expect((await session.request('POST', `/api/admin/set-aside-clicks/${corrected.id}/replay`, { ipHash: 'x' })).status).toBe(400);
    const audit = await session.request('GET', `/api/admin/audit-log?action=click.replayed&subjectId=${corrected.id}`);
    expect(audit.body.data).toHaveLength(1);
    expect(audit.body.data[0]).toMatchObject({
      actorUserId: admin.userId,
      subjectType: 'click',
      details: { reason: 'refused', corrected: ['userAgent', 'subIds'] },
    });
    const merchant = await signIn(t, (await makeMerchant(t)).email);
    expect((await merchant.request('POST', `/api/admin/set-aside-clicks/${hopeless.id}/replay`)).status).toBe(403);
  });
});
