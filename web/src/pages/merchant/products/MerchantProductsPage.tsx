import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { call } from '../../../api.ts';
import { useApi } from '../../../api-context.tsx';
import { DataModeSwitch, useDataMode } from '../../../components/DataModeSwitch.tsx';
import { DecisionButton } from '../../../components/DecisionButton.tsx';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { formatCommission, formatMoney } from '../../../format.ts';
import { Link } from '../../../router.tsx';
import { ProductEditForm, type MerchantProduct } from './ProductEditForm.tsx';
import { TableWrap } from '../../../components/TableWrap.tsx';

const PAGE_SIZE = 25;

/** The store's catalogue in one mode: search, filter by status and campaign, edit a product, archive it. */
export function MerchantProductsPage() {
  const api = useApi();
  const [mode, setMode] = useDataMode();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<'ACTIVE' | 'ARCHIVED' | ''>('ACTIVE');
  const [campaignId, setCampaignId] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<MerchantProduct | null>(null);
  const campaigns = useQuery({
    queryKey: ['merchant', 'campaigns', mode, 'picker'],
    queryFn: () => call(api.forMode(mode).GET('/api/v1/campaigns', { params: { query: { pageSize: 200 } } })),
  });
  const products = useQuery({
    queryKey: ['merchant', 'products', mode, search, status, campaignId, page],
    queryFn: () =>
      call(
        api.forMode(mode).GET('/api/v1/products', {
          params: { query: { page, pageSize: PAGE_SIZE, ...(search ? { search } : {}), ...(status ? { status } : {}), ...(campaignId ? { campaignId } : {}) } },
        }),
      ),
  });
  const refilter = (apply: () => void) => {
    apply();
    setPage(1);
    setEditing(null);
  };
  const applySearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('search') ?? '').trim();
    refilter(() => setSearch(value));
  };
  const campaignList = campaigns.data?.data ?? [];
  const campaignTitle = (id: string | null) => (id ? (campaignList.find((c) => c.id === id)?.title ?? 'Another campaign') : '—');

  return (
    <div>
      <PageHeader
        title="Products"
        actions={
          <DataModeSwitch
            mode={mode}
            onChange={(next) =>
              refilter(() => {
                setMode(next);
                setCampaignId(''); // campaigns belong to one mode
              })
            }
          />
        }
      >
        <p>
          Products your store synced through the API, a feed or a <Link to="/merchant/imports">CSV import</Link>. Creators link to them; a product's own rate
          beats its campaign's.
        </p>
      </PageHeader>
      <div className="toolbar">
        <form className="inline-form" role="search" aria-label="Products" onSubmit={applySearch}>
          <TextField label="Name or product id" name="search" type="search" defaultValue={search} />
          <button type="submit" className="button">
            Search
          </button>
        </form>
        <SelectField
          label="Status"
          name="status"
          hideOptional
          value={status}
          onChange={(event) => refilter(() => setStatus(event.target.value as typeof status))}
        >
          <option value="ACTIVE">Active</option>
          <option value="ARCHIVED">Archived</option>
          <option value="">Any status</option>
        </SelectField>
        <SelectField label="Campaign" name="campaignId" hideOptional value={campaignId} onChange={(event) => refilter(() => setCampaignId(event.target.value))}>
          <option value="">Any campaign</option>
          {campaignList.map((campaign) => (
            <option key={campaign.id} value={campaign.id}>
              {campaign.title}
            </option>
          ))}
        </SelectField>
      </div>
      {editing && <ProductEditForm key={editing.id} mode={mode} product={editing} campaigns={campaignList} onDone={() => setEditing(null)} />}
      <QueryState query={products} what="products" feature="Products">
        {(result) =>
          result.data.length === 0 ? (
            <EmptyState title={search ? `No ${mode} product matches “${search}”` : `No ${mode} products here`}>
              Sync products through the API, a feed or a CSV import.
            </EmptyState>
          ) : (
            <>
              <TableWrap>
                <table className="stack-on-phone">
                  <caption className="visually-hidden">Your {mode} products, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Product</th>
                      <th scope="col">Price</th>
                      <th scope="col">Campaign</th>
                      <th scope="col">Commission</th>
                      <th scope="col">Status</th>
                      <th scope="col">Actions</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.data.map((product) => (
                      <tr key={product.id}>
                        <th scope="row" data-label="Product">
                          <span className="cell-title">{product.name}</span>
                          <span className="cell-note mono">{product.externalProductId}</span>
                          {product.category && <span className="cell-note">{product.category}</span>}
                        </th>
                        <td data-label="Price">
                          {formatMoney(product.discountPrice ?? product.price, product.currency)}
                          {product.discountPrice && <span className="cell-note">was {formatMoney(product.price, product.currency)}</span>}
                        </td>
                        <td data-label="Campaign">{campaignTitle(product.campaignId)}</td>
                        <td data-label="Commission">
                          {product.commissionType ? formatCommission(product.commissionType, product.commissionValue, product.currency) : "The campaign's"}
                        </td>
                        <td data-label="Status">
                          <StatusBadge status={product.status} />
                        </td>
                        <td data-label="Actions">
                          <div className="actions">
                            <button type="button" className="button button--small" aria-label={`Edit ${product.name}`} onClick={() => setEditing(product)}>
                              Edit
                            </button>
                            {product.status === 'ACTIVE' ? (
                              <DecisionButton
                                label="Archive"
                                subject={product.name}
                                tone="danger"
                                invalidates={['merchant', 'products']}
                                act={() => call(api.forMode(mode).POST('/api/v1/products/archive', { body: { productIds: [product.id] } }))}
                              />
                            ) : (
                              <DecisionButton
                                label="Restore"
                                subject={product.name}
                                invalidates={['merchant', 'products']}
                                act={() =>
                                  call(api.forMode(mode).PATCH('/api/v1/products/{id}', { params: { path: { id: product.id } }, body: { status: 'ACTIVE' } }))
                                }
                              />
                            )}
                          </div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <Pager label="Products" page={result.page} pageSize={result.pageSize} total={result.total} onPage={setPage} />
            </>
          )
        }
      </QueryState>
    </div>
  );
}
