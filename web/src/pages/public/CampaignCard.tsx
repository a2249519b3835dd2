import type { ReactNode } from 'react';
import { formatCommission, formatDate } from '../../format.ts';
import type { ListedCampaign } from '../../resources.ts';

/** A campaign's offer as creators judge it: who, what it pays, how long a click counts, the terms. */
export function CampaignCard({ campaign, children }: { campaign: ListedCampaign; children?: ReactNode }) {
  const headingId = `campaign-${campaign.id}`;
  return (
    <article className="card campaign-card" aria-labelledby={headingId}>
      <header>
        {campaign.category && <span className="tag">{campaign.category}</span>}
        <h2 id={headingId}>{campaign.title}</h2>
        {campaign.merchantName && <p className="muted">by {campaign.merchantName}</p>}
      </header>
      {campaign.description && <p>{campaign.description}</p>}
      <dl className="facts">
        <div>
          <dt>Commission</dt>
          <dd>{formatCommission(campaign.defaultCommissionType, campaign.defaultCommissionValue, campaign.currency)}</dd>
        </div>
        {campaign.cookieDurationDays !== undefined && (
          <div>
            <dt>Attribution window</dt>
            <dd>{campaign.cookieDurationDays === 0 ? 'Last click only' : `${campaign.cookieDurationDays} days`}</dd>
          </div>
        )}
        {campaign.endDate && (
          <div>
            <dt>Ends</dt>
            <dd>{formatDate(campaign.endDate)}</dd>
          </div>
        )}
        {campaign.approvalRequired !== undefined && (
          <div>
            <dt>Joining</dt>
            <dd>{campaign.approvalRequired ? 'Merchant approves each creator' : 'Instant'}</dd>
          </div>
        )}
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
