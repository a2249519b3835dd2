import type { ListedCampaign } from '../../resources.ts';

/** The categories present in a listing, sorted for a filter menu. */
export function categoriesOf(campaigns: readonly ListedCampaign[]): string[] {
  return [...new Set(campaigns.map((c) => c.category).filter((c): c is string => !!c))].sort((a, b) => a.localeCompare(b));
}
