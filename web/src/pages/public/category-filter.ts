import type { CampaignOffer } from './CampaignCard.tsx';

/** The categories present in a listing, sorted for a filter menu. */
export function categoriesOf(campaigns: readonly CampaignOffer[]): string[] {
  return [...new Set(campaigns.map((c) => c.category).filter((c): c is string => !!c))].sort((a, b) => a.localeCompare(b));
}
