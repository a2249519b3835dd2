import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { call, type ItemOf } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatMoney } from '../../format.ts';

export type LinkProduct = ItemOf<'/api/affiliate/campaigns/{id}/products', 'get'>;

const PAGE_SIZE = 8;
const SEARCH_DELAY_MS = 300;

/** The text typed, once typing has paused: one request per search rather than per key. */
function useSettled(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [value]);
  return settled;
}

/** The whole campaign, or one of its active products found by the server's search, a page at a time. */
export function ProductPicker({ campaignId, value, onChange }: { campaignId: string; value: LinkProduct | null; onChange(product: LinkProduct | null): void }) {
  const api = useApi();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const settled = useSettled(search.trim());
  useEffect(() => setPage(1), [settled, campaignId]);
  const products = useQuery({
    queryKey: ['affiliate', 'campaign-products', campaignId, settled, page],
    queryFn: () =>
      call(
        api.GET('/api/affiliate/campaigns/{id}/products', {
          params: { path: { id: campaignId }, query: { search: settled || undefined, page, pageSize: PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const option = (product: LinkProduct | null) => {
    const selected = (value?.id ?? null) === (product?.id ?? null);
    return (
      <label key={product?.id ?? 'campaign'} className={`role-option${selected ? ' role-option--selected' : ''}`}>
        <input type="radio" name="productId" value={product?.id ?? ''} checked={selected} onChange={() => onChange(product)} />
        <span className="role-option-title">{product ? product.name : 'Whole campaign'}</span>
        <span className="role-option-text">
          {product ? formatMoney(product.discountPrice ?? product.price, product.currency) : 'The campaign’s landing page'}
        </span>
      </label>
    );
  };

  return (
    <div>
      <div className="field">
        <label htmlFor={searchId}>
          Find a product<span className="field-optional"> (optional)</span>
        </label>
        <input id={searchId} type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder="Name or SKU" maxLength={120} />
      </div>
      <QueryState query={products} what="the campaign’s products" feature="Product search">
        {(result) => (
          <>
            <fieldset className="role-choice">
              <legend>Link to</legend>
              {option(null)}
              {value && !result.data.some((p) => p.id === value.id) && option(value)}
              {result.data.map(option)}
            </fieldset>
            {result.total === 0 && <p className="muted">{settled ? `No product matches “${settled}”.` : 'This campaign has no products yet.'}</p>}
            <Pager label="Products" page={result.page} pageSize={result.pageSize} total={result.total} onPage={setPage} />
          </>
        )}
      </QueryState>
    </div>
  );
}
