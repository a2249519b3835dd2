import type { ReactNode } from 'react';
import { formatCommission, formatDate } from '../../format.ts';
import type { ItemOf } from '../../api.ts';

type PublicCampaign = ItemOf<'/api/public/campaigns', 'get'>;

/** What a campaign card shows: the fields the marketplace and the public listing share. */
export type CampaignOffer = Pick<
  PublicCampaign,
  'id' | 'title' | 'category' | 'description' | 'cookieDurationDays' | 'endDate' | 'approvalRequired' | 'termsAndConditions'
> & {
  merchant: { name: string };
  commission: { type: string; value: string; currency: string } | null;
};

/** A campaign's offer as creators judge it: who, what it pays, how long a click counts, the terms. */
export function CampaignCard({ campaign, children }: { campaign: CampaignOffer; children?: ReactNode }) {
  const headingId = `campaign-${campaign.id}`;
  return (
    <article className="card campaign-card" aria-labelledby={headingId}>
      <header>
        {campaign.category && <span className="tag">{campaign.category}</span>}
        <h2 id={headingId}>{campaign.title}</h2>
        <p className="muted">by {campaign.merchant.name}</p>
      </header>
      {campaign.description && <p>{campaign.description}</p>}
      <dl className="facts">
        <div>
          <dt>Commission</dt>
          <dd>{formatCommission(campaign.commission?.type, campaign.commission?.value, campaign.commission?.currency)}</dd>
        </div>
        <div>
          <dt>Attribution window</dt>
          <dd>{campaign.cookieDurationDays === 0 ? 'Last click only' : `${campaign.cookieDurationDays} days`}</dd>
        </div>
        {campaign.endDate && (
          <div>
            <dt>Ends</dt>
            <dd>{formatDate(campaign.endDate)}</dd>
          </div>
        )}
        <div>
          <dt>Joining</dt>
          <dd>{campaign.approvalRequired ? 'Merchant approves each creator' : 'Instant'}</dd>
        </div>
      </dl>
      {campaign.termsAndConditions && (
        <details>
          <summary>Terms</summary>
          <p className="terms">{campaign.termsAndConditions}</p>
        </details>
      )}
      {children && <footer className="card-actions">{children}</footer>}
    </article>
  );
}
