import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { DataModeSwitch, useDataMode } from '../../components/DataModeSwitch.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatCommission } from '../../format.ts';
import { CampaignInviteForm } from './CampaignInviteForm.tsx';
import { CampaignListingToggle } from './CampaignListingToggle.tsx';
import { CampaignForm } from './campaigns/CampaignForm.tsx';
import { CampaignStatusActions } from './campaigns/CampaignStatusActions.tsx';
import { JoinRequestsSection } from './campaigns/JoinRequestsSection.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';

export const MERCHANT_CAMPAIGNS_KEY = ['merchant', 'campaigns'] as const;

export function MerchantCampaignsPage() {
  const api = useApi();
  const [mode, setMode] = useDataMode();
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const campaigns = useQuery({
    queryKey: [...MERCHANT_CAMPAIGNS_KEY, mode],
    queryFn: () => call(api.forMode(mode).GET('/api/v1/campaigns', { params: { query: { pageSize: 100 } } })),
  });
  const editing = campaigns.data?.data.find((campaign) => campaign.id === editingId);

  return (
    <div>
      <PageHeader
        title="Campaigns"
        actions={
          <>
            <DataModeSwitch mode={mode} onChange={setMode} />
            <button type="button" className="button button--primary" aria-expanded={creating} onClick={() => setCreating((open) => !open)}>
              New campaign
            </button>
          </>
        }
      >
        <p>Create campaigns, start and pause them, choose which appear in the public listing, invite creators and decide who may join.</p>
      </PageHeader>
      {creating && (
        <section className="card section" aria-labelledby="new-campaign-heading">
          <h2 id="new-campaign-heading">New {mode === 'test' ? 'test ' : ''}campaign</h2>
          <CampaignForm mode={mode} onDone={() => setCreating(false)} />
        </section>
      )}
      {editing && (
        <section className="card section" aria-labelledby="edit-campaign-heading">
          <h2 id="edit-campaign-heading">Edit {editing.title}</h2>
          <CampaignForm key={editing.id} mode={mode} campaign={editing} onDone={() => setEditingId(null)} />
        </section>
      )}
      <QueryState query={campaigns} what="campaigns" feature="Campaign management">
        {(page) =>
          page.data.length === 0 ? (
            <EmptyState title={`No ${mode} campaigns yet`}>Create one with “New campaign”; it starts as a draft.</EmptyState>
          ) : (
            <TableWrap>
              <table className="stack-on-phone">
                <caption className="visually-hidden">Your {mode} campaigns</caption>
                <thead>
                  <tr>
                    <th scope="col">Campaign</th>
                    <th scope="col">Status</th>
                    <th scope="col">Commission</th>
                    <th scope="col">Public listing</th>
                    <th scope="col">Invite a creator</th>
                  </tr>
                </thead>
                <tbody>
                  {page.data.map((campaign) => (
                    <tr key={campaign.id}>
                      <th scope="row" data-label="Campaign">
                        <span className="cell-title">{campaign.title}</span>
                        <span className="mono muted">{campaign.campaignCode}</span>
                        {campaign.livemode === false && <span className="tag tag--test">Test</span>}
                        {campaign.status !== 'ARCHIVED' && (
                          <button
                            type="button"
                            className="button button--small button--quiet"
                            aria-label={`Edit ${campaign.title}`}
                            onClick={() => setEditingId(campaign.id)}
                          >
                            Edit
                          </button>
                        )}
                      </th>
                      <td data-label="Status">
                        <StatusBadge status={campaign.status} />
                        {campaign.approvalRequired && !campaign.approvedAt && <p className="cell-note">Waiting for platform approval</p>}
                        <CampaignStatusActions campaign={campaign} mode={mode} />
                      </td>
                      <td data-label="Commission">
                        {campaign.defaultCommissionType ? formatCommission(campaign.defaultCommissionType, campaign.defaultCommissionValue) : 'Account default'}
                      </td>
                      <td data-label="Public listing">
                        <CampaignListingToggle campaign={campaign} />
                      </td>
                      <td data-label="Invite a creator">
                        <CampaignInviteForm campaign={campaign} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </QueryState>
      <JoinRequestsSection />
    </div>
  );
}
