import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { clicks, type SubIds } from '../tracking/clicks.tables.ts';

/** What attribution needs to know about a recorded click. */
export interface ClickRecord {
  id: string;
  merchantId: string;
  livemode: boolean;
  affiliateId: string;
  linkId: string;
  campaignId: string;
  productId: string | null;
  clickedAt: Date;
  ipHash: string;
  attributable: boolean;
  subIds: SubIds;
}

/**
 * Looks a click up by id. Injected so a lookup that also sees clicks still waiting in an in-memory
 * write buffer can replace the plain database read.
 */
export type FindClick = (clickId: string) => Promise<ClickRecord | null>;

export function findClickInDatabase(db: Executor): FindClick {
  return async (clickId) => {
    const [row] = await db
      .select({
        id: clicks.id,
        merchantId: clicks.merchantId,
        livemode: clicks.livemode,
        affiliateId: clicks.affiliateId,
        linkId: clicks.linkId,
        campaignId: clicks.campaignId,
        productId: clicks.productId,
        clickedAt: clicks.clickedAt,
        ipHash: clicks.ipHash,
        attributable: clicks.attributable,
        subIds: clicks.subIds,
      })
      .from(clicks)
      .where(eq(clicks.id, clickId))
      .limit(1);
    return row ?? null;
  };
}
