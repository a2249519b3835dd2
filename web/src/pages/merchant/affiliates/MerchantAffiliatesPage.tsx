import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call, type ItemOf } from '../../../api.ts';
import { useApi } from '../../../api-context.tsx';
import { DataModeSwitch, useDataMode } from '../../../components/DataModeSwitch.tsx';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { TableWrap } from '../../../components/TableWrap.tsx';
import { formatDate } from '../../../format.ts';
import { ReportPeriodPicker, useReportPeriod } from '../../reports/ReportPeriodPicker.tsx';
import { TopAffiliates } from '../reports/MerchantTopTables.tsx';

type Membership = ItemOf<'/api/merchant/join-requests', 'get'>;
type MembershipStatus = Membership['status'];

const STATUSES: { value: MembershipStatus; label: string }[] = [
  { value: 'APPROVED', label: 'Members' },
  { value: 'PENDING', label: 'Asking to join' },
  { value: 'INVITED', label: 'Invited' },
  { value: 'REJECTED', label: 'Rejected' },
];
const PAGE_SIZE = 25;

/** The creators of the store's campaigns: who is in which campaign, and what each has brought in. */
export function MerchantAffiliatesPage() {
  const api = useApi();
  const [mode, setMode] = useDataMode();
  const [campaignId, setCampaignId] = useState('');
  const [status, setStatus] = useState<MembershipStatus>('APPROVED');
  const [page, setPage] = useState(1);
  const [period, setPeriod] = useReportPeriod();
  const campaigns = useQuery({
    queryKey: ['merchant', 'campaigns', mode],
    queryFn: () => call(api.forMode(mode).GET('/api/v1/campaigns', { params: { query: { pageSize: 100 } } })),
  });
  const chosen = campaigns.data?.data.some((c) => c.id === campaignId) ? campaignId : undefined;
  const memberships = useQuery({
    queryKey: ['merchant', 'join-requests', status, chosen, page],
    queryFn: () => call(api.GET('/api/merchant/join-requests', { params: { query: { status, campaignId: chosen, page, pageSize: PAGE_SIZE } } })),
    enabled: campaigns.isSuccess,
  });
  const chosenTitle = campaigns.data?.data.find((c) => c.id === chosen)?.title;

  return (
    <div>
      <PageHeader title="Affiliates" actions={<DataModeSwitch mode={mode} onChange={setMode} />}>
        <p>The creators in your campaigns, those asking to join or invited, and what each has brought in.</p>
      </PageHeader>
      <div className="toolbar">
        <SelectField
          label="Campaign"
          name="campaignId"
          hideOptional
          value={chosen ?? ''}
          onChange={(event) => {
            setCampaignId(event.target.value);
            setPage(1);
          }}
        >
          <option value="">All {mode === 'test' ? 'test ' : ''}campaigns</option>
          {campaigns.data?.data.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Standing"
          name="status"
          hideOptional
          value={status}
          onChange={(event) => {
            setStatus(event.target.value as MembershipStatus);
            setPage(1);
          }}
        >
          {STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </SelectField>
      </div>
      <section className="section" aria-labelledby="memberships-heading">
        <h2 id="memberships-heading">{STATUSES.find((s) => s.value === status)!.label}</h2>
        <QueryState query={memberships} what="affiliates" feature="Affiliates">
          {(result) =>
            result.data.length === 0 ? (
              <EmptyState title="No one here yet">
                Creators join from the marketplace or your invitations; their standing with each campaign shows here.
              </EmptyState>
            ) : (
              <>
                <TableWrap>
                  <table className="stack-on-phone">
                    <caption className="visually-hidden">Affiliates by campaign</caption>
                    <thead>
                      <tr>
                        <th scope="col">Affiliate</th>
                        <th scope="col">Campaign</th>
                        <th scope="col">Standing</th>
                        <th scope="col">Since</th>
                      </tr>
                    </thead>
                    <tbody>
                      {result.data.map((m) => (
                        <tr key={`${m.campaignId}:${m.affiliate.id}`}>
                          <th scope="row" data-label="Affiliate">
                            <span className="cell-title">{m.affiliate.displayName}</span>
                            {m.affiliate.channels.length > 0 && <span className="cell-note">{m.affiliate.channels.join(', ')}</span>}
                          </th>
                          <td data-label="Campaign">{m.campaignTitle}</td>
                          <td data-label="Standing">
                            <StatusBadge status={m.status} />
                          </td>
                          <td data-label="Since">{formatDate(m.decidedAt ?? m.invitedAt ?? m.requestedAt)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
                <Pager label="Affiliates" page={result.page ?? page} pageSize={result.pageSize ?? PAGE_SIZE} total={result.total ?? 0} onPage={setPage} />
              </>
            )
          }
        </QueryState>
      </section>
      <section className="section" aria-labelledby="numbers-heading">
        <h2 id="numbers-heading">Their numbers{chosenTitle ? ` in ${chosenTitle}` : ''}</h2>
        <ReportPeriodPicker period={period} onChange={setPeriod} />
        <TopAffiliates key={`${mode}:${chosen ?? ''}:${period.from}:${period.to}`} mode={mode} period={period} campaignId={chosen} />
      </section>
    </div>
  );
}
