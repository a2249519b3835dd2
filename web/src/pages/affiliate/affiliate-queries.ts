import { useQuery } from '@tanstack/react-query';
import { call, type ItemOf, type ResponseOf } from '../../api.ts';
import { useApi } from '../../api-context.tsx';

export type Wallet = ResponseOf<'/api/affiliate/wallet', 'get'>;
export type MarketplaceCampaign = ItemOf<'/api/affiliate/marketplace', 'get'>;

/** Query keys and shared reads of the affiliate dashboard (several pages show the same data). */
export const WALLET_KEY = ['affiliate', 'wallet'] as const;
export const MARKETPLACE_KEY = ['affiliate', 'marketplace'] as const;
export const LINKS_KEY = ['affiliate', 'links'] as const;
export const PAYOUT_METHODS_KEY = ['affiliate', 'payout-methods'] as const;
export const PAYOUTS_KEY = ['affiliate', 'payouts'] as const;

export function useWallet() {
  const api = useApi();
  return useQuery({ queryKey: WALLET_KEY, queryFn: () => call(api.GET('/api/affiliate/wallet')) });
}

export function useMarketplace(category = '') {
  const api = useApi();
  return useQuery({
    queryKey: [...MARKETPLACE_KEY, category],
    queryFn: () => call(api.GET('/api/affiliate/marketplace', { params: { query: { category: category || undefined, pageSize: 200 } } })),
  });
}

/** The campaigns the affiliate may make links for: those whose membership is approved. */
export function useJoinedCampaigns() {
  const api = useApi();
  return useQuery({
    queryKey: [...MARKETPLACE_KEY, 'joined'],
    queryFn: () => call(api.GET('/api/affiliate/campaigns', { params: { query: { status: 'APPROVED', pageSize: 200 } } })),
  });
}

export function usePayoutMethods() {
  const api = useApi();
  return useQuery({ queryKey: PAYOUT_METHODS_KEY, queryFn: () => call(api.GET('/api/affiliate/payout-methods')) });
}
