import { useMutation, useQueryClient } from '@tanstack/react-query';
import { asApiError, call, type DataMode } from '../../../api.ts';
import { useApi } from '../../../api-context.tsx';
import type { MerchantCampaign } from './merchant-campaign.ts';

type Action = 'activate' | 'pause' | 'archive';

const LABELS: Record<Action, string> = { activate: 'Activate', pause: 'Pause', archive: 'Archive' };

/** Which moves a campaign's status allows (ARCHIVED is final; EXPIRED can only be archived). */
function allowedActions(campaign: MerchantCampaign): Action[] {
  switch (campaign.status) {
    case 'DRAFT':
    case 'PAUSED':
      return ['activate', 'archive'];
    case 'ACTIVE':
      return ['pause', 'archive'];
    case 'EXPIRED':
      return ['archive'];
    default:
      return [];
  }
}

export function CampaignStatusActions({ campaign, mode }: { campaign: MerchantCampaign; mode: DataMode }) {
  const api = useApi().forMode(mode);
  const queryClient = useQueryClient();
  const params = { path: { id: campaign.id } };
  const change = useMutation({
    mutationFn: (action: Action) =>
      action === 'archive'
        ? call(api.PATCH('/api/v1/campaigns/{id}', { params, body: { status: 'ARCHIVED' } }))
        : action === 'activate'
          ? call(api.POST('/api/v1/campaigns/{id}/activate', { params }))
          : call(api.POST('/api/v1/campaigns/{id}/pause', { params })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['merchant', 'campaigns'] }),
  });
  const actions = allowedActions(campaign);
  if (actions.length === 0) return null;
  return (
    <div className="row-actions">
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          className={`button button--small${action === 'archive' ? ' button--quiet' : ''}`}
          disabled={change.isPending}
          aria-label={`${LABELS[action]} ${campaign.title}`}
          onClick={() => {
            if (action === 'archive' && !window.confirm(`Archive “${campaign.title}”? Its links stop converting and it cannot be reactivated.`)) return;
            change.mutate(action);
          }}
        >
          {LABELS[action]}
        </button>
      ))}
      {change.isError && (
        <p role="alert" className="field-error">
          {asApiError(change.error).message}
        </p>
      )}
    </div>
  );
}
