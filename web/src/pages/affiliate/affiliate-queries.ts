import { useQuery } from '@tanstack/react-query';
import type { Page } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import type { ListedCampaign, PayoutMethod, Wallet } from '../../resources.ts';

/** Query keys and shared reads of the affiliate dashboard (several pages show the same data). */
export const WALLET_KEY = ['affiliate', 'wallet'] as const;
export const MARKETPLACE_KEY = ['affiliate', 'marketplace'] as const;
export const LINKS_KEY = ['affiliate', 'links'] as const;
export const PAYOUT_METHODS_KEY = ['affiliate', 'payout-methods'] as const;
export const PAYOUTS_KEY = ['affiliate', 'payouts'] as const;

export function useWallet() {
  const api = useApi();
  return useQuery({ queryKey: WALLET_KEY, queryFn: () => api.get<Wallet>('/api/affiliate/wallet') });
}

export function useMarketplace(category = '') {
  const api = useApi();
  return useQuery({
    queryKey: [...MARKETPLACE_KEY, category],
    queryFn: () => api.get<Page<ListedCampaign>>('/api/affiliate/marketplace', { category: category || undefined, pageSize: 200 }),
  });
}

export function usePayoutMethods() {
  const api = useApi();
  return useQuery({ queryKey: PAYOUT_METHODS_KEY, queryFn: () => api.get<Page<PayoutMethod>>('/api/affiliate/payout-methods') });
}
