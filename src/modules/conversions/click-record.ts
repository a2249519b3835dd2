import type { Executor } from '../../platform/db/client.ts';
import { findClick, type RecordedClick } from '../tracking/index.ts';

/** What attribution needs to know about a recorded click. */
export type ClickRecord = Pick<
  RecordedClick,
  'id' | 'merchantId' | 'livemode' | 'affiliateId' | 'linkId' | 'campaignId' | 'productId' | 'clickedAt' | 'ipHash' | 'attributable' | 'subIds'
>;

/**
 * Looks a click up by id. Injected so that the app can use the tracking module's lookup that also
 * sees clicks still waiting in this process's redirect write buffer.
 */
export type FindClick = (clickId: string) => Promise<ClickRecord | null>;

/** The tracking module's click lookup, reading the database only (no redirect buffer to look in). */
export const findClickInDatabase =
  (db: Executor): FindClick =>
  (clickId) =>
    findClick({ db }, clickId);
