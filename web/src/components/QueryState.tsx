import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { asApiError } from '../api.ts';

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

/** The server does not have this feature: said plainly, never papered over with sample data. */
export function Unavailable({ feature }: { feature: string }) {
  return (
    <section className="notice notice--unavailable" aria-label={`${feature} unavailable`}>
      <h2>Not available on this server</h2>
      <p>{feature}: this installation of Influencemart does not provide it yet. Once the server is updated, it will appear here.</p>
    </section>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const apiError = asApiError(error);
  return (
    <div className="notice notice--error" role="alert">
      <p>
        <strong>Could not load this.</strong> {apiError.message}
      </p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** Loading, unavailable, failed, or the data: one place decides which a query shows. */
export function QueryState<T>({
  query,
  what,
  feature,
  children,
}: {
  query: UseQueryResult<T>;
  what: string;
  feature: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading what={what} />;
  if (query.isError) {
    if (asApiError(query.error).isMissingEndpoint) return <Unavailable feature={feature} />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}
