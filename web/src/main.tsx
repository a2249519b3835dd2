import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError, createApiClient } from './api.ts';
import { ApiProvider } from './api-context.tsx';
import { App } from './App.tsx';
import { SESSION_KEY, type Session } from './session.ts';
import './styles.css';

/** A 401 anywhere means the session ended (expired, or signed out in another tab): forget it. */
function onRequestError(error: unknown) {
  if (error instanceof ApiError && error.status === 401 && error.code === 'UNAUTHENTICATED') queryClient.setQueryData(SESSION_KEY, null);
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onRequestError }),
  mutationCache: new MutationCache({ onError: onRequestError }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // Client errors (404 for a missing feature, 403, 401) will not change by asking again.
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: true,
    },
  },
});

const api = createApiClient({ csrfToken: () => queryClient.getQueryData<Session | null>(SESSION_KEY)?.csrfToken });

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root">');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ApiProvider client={api}>
        <App />
      </ApiProvider>
    </QueryClientProvider>
  </StrictMode>,
);
