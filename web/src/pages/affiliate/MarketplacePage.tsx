import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { asApiError, call } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import type { MarketplaceCampaign } from './affiliate-queries.ts';
import { Link } from '../../router.tsx';
import { CampaignCard } from '../public/CampaignCard.tsx';
import { categoriesOf } from '../public/category-filter.ts';
import { MARKETPLACE_KEY, useMarketplace } from './affiliate-queries.ts';

export function MarketplacePage() {
  const [category, setCategory] = useState('');
  // The unfiltered listing supplies the category menu; the filter itself runs on the server.
  const all = useMarketplace();
  const filtered = useMarketplace(category);
  const categories = all.data ? categoriesOf(all.data.data) : [];

  return (
    <div>
      <PageHeader title="Marketplace">
        <p>Campaigns open to creators, and private ones you were invited to. Join one, then make links for it.</p>
      </PageHeader>
      {categories.length > 0 && (
        <div className="toolbar">
          <SelectField label="Category" name="category" value={category} onChange={(e) => setCategory(e.target.value)} hideOptional>
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </SelectField>
        </div>
      )}
      <QueryState query={filtered} what="campaigns" feature="The marketplace">
        {(page) =>
          page.data.length === 0 ? (
            <EmptyState title={category ? `No campaigns in ${category}` : 'No campaigns to join yet'}>
              {category ? 'Try another category.' : 'Stores that open campaigns to creators, or invite you, will show up here.'}
            </EmptyState>
          ) : (
            <div className="grid grid--cards">
              {page.data.map((campaign) => (
                <CampaignCard key={campaign.id} campaign={campaign}>
                  <JoinAction campaign={campaign} />
                </CampaignCard>
              ))}
            </div>
          )
        }
      </QueryState>
    </div>
  );
}

function JoinAction({ campaign }: { campaign: MarketplaceCampaign }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const join = useMutation({
    mutationFn: () => call(api.POST('/api/affiliate/campaigns/{id}/join', { params: { path: { id: campaign.id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MARKETPLACE_KEY }),
  });
  const status = join.data?.status ?? campaign.membershipStatus;

  if (status === 'APPROVED') {
    return (
      <>
        <StatusBadge status="JOINED" />
        <Link to={`/affiliate/links?campaign=${encodeURIComponent(campaign.id)}`} className="button button--primary">
          Make a link
        </Link>
      </>
    );
  }
  if (status === 'PENDING') return <p className="cell-note">Request sent: waiting for the store to approve you.</p>;
  if (status === 'REJECTED') return <StatusBadge status="REJECTED" />;
  return (
    <>
      <button type="button" className="button button--primary" disabled={join.isPending} onClick={() => join.mutate()}>
        {join.isPending ? 'Joining…' : campaign.approvalRequired ? 'Ask to join' : 'Join'}
      </button>
      {join.isError && (
        <p role="alert" className="field-error">
          {asApiError(join.error).isMissingEndpoint ? 'Joining is not available on this server.' : asApiError(join.error).message}
        </p>
      )}
    </>
  );
}
