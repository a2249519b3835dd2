import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from './api.ts';
import { useApi } from './api-context.tsx';

export type Role = 'merchant' | 'affiliate' | 'admin';

export interface User {
  id: string;
  email: string;
  role: Role;
  merchantId: string | null;
  affiliateId: string | null;
}

export interface Session {
  user: User;
  csrfToken: string;
}

/** The session lives in the query cache under this key; `null` means signed out. */
export const SESSION_KEY = ['session'] as const;

export const homeFor = (role: Role): string => `/${role}`;

export function useSession() {
  const api = useApi();
  return useQuery<Session | null>({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      try {
        return await api.get<Session>('/api/auth/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export interface MerchantSignup {
  role: 'merchant';
  email: string;
  password: string;
  businessName: string;
  website: string;
  contactName?: string;
  contactPhone?: string;
  domains?: string[];
}

export interface AffiliateSignup {
  role: 'affiliate';
  email: string;
  password: string;
  displayName?: string;
}

/** Start a session: drop anything cached for a previous user, then remember the new one. */
function useStartSession() {
  const queryClient = useQueryClient();
  return (session: Session) => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
    queryClient.setQueryData(SESSION_KEY, session);
  };
}

export function useLogin() {
  const api = useApi();
  const start = useStartSession();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) => api.post<Session>('/api/auth/login', credentials),
    onSuccess: start,
  });
}

export function useSignup() {
  const api = useApi();
  const start = useStartSession();
  return useMutation({
    mutationFn: (body: MerchantSignup | AffiliateSignup) => api.post<Session>('/api/auth/signup', body),
    onSuccess: start,
  });
}

export function useLogout() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await api.post<void>('/api/auth/logout');
      } catch (error) {
        // An expired session is signed out already; anything else is worth telling.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    },
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
    },
  });
}
