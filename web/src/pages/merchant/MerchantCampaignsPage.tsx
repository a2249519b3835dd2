import { useQuery } from '@tanstack/react-query';
import type { Page } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import type { MerchantCampaign } from '../../resources.ts';
import { CampaignInviteForm } from './CampaignInviteForm.tsx';
import { CampaignListingToggle } from './CampaignListingToggle.tsx';

export const MERCHANT_CAMPAIGNS_KEY = ['merchant', 'campaigns'] as const;

export function MerchantCampaignsPage() {
  const api = useApi();
  const campaigns = useQuery({ queryKey: MERCHANT_CAMPAIGNS_KEY, queryFn: () => api.get<Page<MerchantCampaign>>('/api/v1/campaigns', { pageSize: 200 }) });

  return (
    <div>
      <PageHeader title="Campaigns">
        <p>
          Campaigns are created and changed through the API (<code>/api/v1/campaigns</code>). Here you choose which ones appear in the public listing and
          invite creators to private ones.
        </p>
      </PageHeader>
      <QueryState query={campaigns} what="campaigns" feature="Campaign management">
        {(page) =>
          page.data.length === 0 ? (
            <EmptyState title="No campaigns yet">
              Create one with <code>POST /api/v1/campaigns</code>; it appears here as a draft.
            </EmptyState>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Your campaigns</caption>
                <thead>
                  <tr>
                    <th scope="col">Campaign</th>
                    <th scope="col">Status</th>
                    <th scope="col">Public listing</th>
                    <th scope="col">Invite a creator</th>
                  </tr>
                </thead>
                <tbody>
                  {page.data.map((campaign) => (
                    <tr key={campaign.id}>
                      <th scope="row">
                        <span className="cell-title">{campaign.title}</span>
                        <span className="mono muted">{campaign.campaignCode}</span>
                        {campaign.livemode === false && <span className="tag tag--test">Test</span>}
                      </th>
                      <td>
                        <StatusBadge status={campaign.status} />
                        {campaign.approvalRequired && !campaign.approvedAt && <p className="cell-note">Waiting for platform approval</p>}
                      </td>
                      <td>
                        <CampaignListingToggle campaign={campaign} />
                      </td>
                      <td>
                        <CampaignInviteForm campaign={campaign} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </div>
  );
}
