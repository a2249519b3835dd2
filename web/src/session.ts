import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, call, type BodyOf, type ResponseOf } from './api.ts';
import { useApi } from './api-context.tsx';

export type Session = ResponseOf<'/api/auth/me', 'get'>;
export type User = Session['user'];
export type Role = User['role'];

/** The session lives in the query cache under this key; `null` means signed out. */
export const SESSION_KEY = ['session'] as const;

export const homeFor = (role: Role): string => `/${role}`;

export function useSession() {
  const api = useApi();
  return useQuery<Session | null>({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      try {
        return await call(api.GET('/api/auth/me'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export type Signup = BodyOf<'/api/auth/signup', 'post'>;
export type MerchantSignup = Extract<Signup, { role: 'merchant' }>;
export type AffiliateSignup = Extract<Signup, { role: 'affiliate' }>;

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
    mutationFn: (credentials: BodyOf<'/api/auth/login', 'post'>) => call(api.POST('/api/auth/login', { body: credentials })),
    onSuccess: start,
  });
}

export function useSignup() {
  const api = useApi();
  const start = useStartSession();
  return useMutation({
    mutationFn: (body: Signup) => call(api.POST('/api/auth/signup', { body })),
    onSuccess: start,
  });
}

export function useLogout() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await call(api.POST('/api/auth/logout'));
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
