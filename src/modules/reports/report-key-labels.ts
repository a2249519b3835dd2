import type { Executor } from '../../platform/db/client.ts';
import { campaignTitles } from '../campaigns/index.ts';
import { linkCodes } from '../links/index.ts';
import { productNames } from '../products/index.ts';

/** What a person reads for a breakdown's keys: a campaign's title, a product's name, a link's code; a sub-id is its own label. */
export async function reportKeyLabels(
  executor: Executor,
  by: 'campaign' | 'product' | 'link' | 'subId',
  keys: readonly string[],
): Promise<Map<string, string>> {
  switch (by) {
    case 'campaign':
      return campaignTitles(executor, keys);
    case 'product':
      return productNames(executor, keys);
    case 'link':
      return linkCodes(executor, keys);
    case 'subId':
      return new Map(keys.map((key) => [key, key]));
  }
}

/** Page `page` (from 1) of `limit` keys: the offset into the sorted groups. */
export const pageOffset = (page: number | undefined, limit: number): number => ((page ?? 1) - 1) * limit;
