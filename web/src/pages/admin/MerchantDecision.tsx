import { call, type ItemOf } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { DecisionButton } from '../../components/DecisionButton.tsx';

/** A merchant account as the admin list shows it, with its domains. */
export type AdminMerchant = ItemOf<'/api/admin/merchants', 'get'>;

const invalidates = ['admin'];

/**
 * What an admin may do with a store in its current standing: approve or reject an application
 * (the reason is shown to the merchant), suspend an approved store with a reason, reinstate a suspended one.
 */
export function MerchantDecision({ merchant }: { merchant: AdminMerchant }) {
  const api = useApi();
  const path = { params: { path: { id: merchant.id } } };
  const subject = merchant.businessName;
  switch (merchant.status) {
    case 'PENDING_REVIEW':
      return (
        <div className="actions">
          <DecisionButton
            label="Approve"
            subject={subject}
            tone="primary"
            invalidates={invalidates}
            act={() => call(api.POST('/api/admin/merchants/{id}/approve', path))}
          />
          <DecisionButton
            label="Reject"
            subject={subject}
            tone="danger"
            prompt={{ label: 'Reason', required: true }}
            invalidates={invalidates}
            act={(reason) => call(api.POST('/api/admin/merchants/{id}/reject', { ...path, body: { reason } }))}
          />
        </div>
      );
    case 'APPROVED':
      return (
        <DecisionButton
          label="Suspend"
          subject={subject}
          tone="danger"
          prompt={{ label: 'Reason shown to the store', required: true }}
          invalidates={invalidates}
          act={(reason) => call(api.POST('/api/admin/merchants/{id}/suspend', { ...path, body: { reason } }))}
        />
      );
    case 'SUSPENDED':
      return (
        <DecisionButton
          label="Reinstate"
          subject={subject}
          tone="primary"
          invalidates={invalidates}
          act={() => call(api.POST('/api/admin/merchants/{id}/reinstate', path))}
        />
      );
    default:
      return <span className="muted">No action</span>;
  }
}
