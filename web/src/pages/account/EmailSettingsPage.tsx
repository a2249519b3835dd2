import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { asApiError } from '../../api.ts';
import { useSession } from '../../session.ts';
import { useEmailSettings, useUpdateEmailSettings, type NotificationKind } from './email-queries.ts';

const LABELS: Record<NotificationKind, { label: string; role: 'merchant' | 'affiliate' }> = {
  join_request_received: { label: 'A creator asks to join one of my campaigns', role: 'merchant' },
  join_request_decided: { label: 'A store decides on my request to join a campaign', role: 'affiliate' },
  commission_approved: { label: 'A commission of mine is approved', role: 'affiliate' },
  payout_paid: { label: 'A payout of mine is paid', role: 'affiliate' },
};

/** The signed-in user's email settings: which optional notifications to receive. */
export function EmailSettingsPage() {
  const session = useSession();
  const settings = useEmailSettings();
  const update = useUpdateEmailSettings();
  const role = session.data?.user.role;

  return (
    <div className="narrow">
      <PageHeader title="Email settings">
        <p>
          We always email you about your account: password resets, your store&apos;s review, failed payouts and disabled webhook endpoints. The notifications
          below are up to you.
        </p>
      </PageHeader>
      <QueryState query={settings} what="your email settings" feature="Email settings">
        {(current) => (
          <fieldset className="card">
            <legend>Email me when</legend>
            <FormAlert message={update.isError ? asApiError(update.error).message : null} />
            {current.notifications
              .filter((n) => LABELS[n.kind].role === role)
              .map((n) => (
                <label key={n.kind} className="checkbox">
                  <input
                    type="checkbox"
                    checked={n.enabled}
                    disabled={update.isPending}
                    onChange={(event) => update.mutate([{ kind: n.kind, enabled: event.target.checked }])}
                  />{' '}
                  {LABELS[n.kind].label}
                </label>
              ))}
            {update.isSuccess && <p role="status">Saved.</p>}
          </fieldset>
        )}
      </QueryState>
    </div>
  );
}
