import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.ts';
import { CampaignCard } from './CampaignCard.tsx';
import { categoriesOf } from './category-filter.ts';

/** The public campaign listing: active, approved campaigns whose merchants opted in. */
export function PublicCampaignsPage() {
  const api = useApi();
  const session = useSession();
  const [category, setCategory] = useState('');
  const query = useQuery({ queryKey: ['public-campaigns'], queryFn: () => call(api.GET('/api/public/campaigns', { params: { query: { pageSize: 200 } } })) });
  const isAffiliate = session.data?.user.role === 'affiliate';

  return (
    <div>
      <PageHeader title="Campaigns">
        <p>Stores looking for creators. Join free, share your link, earn on every kept order.</p>
      </PageHeader>
      <QueryState query={query} what="campaigns" feature="The public campaign listing">
        {(page) => {
          const categories = categoriesOf(page.data);
          const shown = category ? page.data.filter((c) => c.category === category) : page.data;
          if (page.data.length === 0)
            return <EmptyState title="No public campaigns yet">Stores that open their campaigns to everyone will show up here.</EmptyState>;
          return (
            <>
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
              <div className="grid grid--cards">
                {shown.map((campaign) => (
                  <CampaignCard key={campaign.id} campaign={campaign}>
                    <Link to={isAffiliate ? '/affiliate/marketplace' : '/signup?role=affiliate'} className="button button--primary">
                      {isAffiliate ? 'Join in the marketplace' : 'Join as a creator'}
                    </Link>
                  </CampaignCard>
                ))}
              </div>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
