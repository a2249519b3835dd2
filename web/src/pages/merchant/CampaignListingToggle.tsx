import { useMutation, useQueryClient } from '@tanstack/react-query';
import { asApiError, call } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import type { MerchantCampaign } from './campaigns/merchant-campaign.ts';

/** Opt a campaign in or out of the public listing. It is listed only while it is also active and approved. */
export function CampaignListingToggle({ campaign }: { campaign: MerchantCampaign }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (listed: boolean) =>
      call(api.POST('/api/merchant/campaigns/{id}/listing', { params: { path: { id: campaign.id } }, body: { public: listed } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['merchant', 'campaigns'] }),
  });
  const listed = toggle.isPending ? (toggle.variables ?? campaign.publicListing) : campaign.publicListing;
  const visible = listed && campaign.status === 'ACTIVE' && (!campaign.approvalRequired || !!campaign.approvedAt);
  const noteId = `listing-note-${campaign.id}`;

  return (
    <div className="listing-toggle">
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          checked={listed}
          disabled={toggle.isPending}
          aria-describedby={noteId}
          onChange={(event) => toggle.mutate(event.target.checked)}
        />
        <span>List publicly</span>
      </label>
      <p id={noteId} className="cell-note">
        {listed ? (visible ? 'Shown on the public campaigns page.' : 'Opted in; shown once the campaign is active and approved.') : 'Not listed.'}
      </p>
      {toggle.isError && (
        <p role="alert" className="field-error">
          {asApiError(toggle.error).isMissingEndpoint ? 'Changing the listing is not available on this server.' : asApiError(toggle.error).message}
        </p>
      )}
    </div>
  );
}
