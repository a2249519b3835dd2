import { useMutation } from '@tanstack/react-query';
import { call } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { Form } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormErrors } from '../../components/use-form-errors.ts';
import type { MerchantCampaign } from './campaigns/merchant-campaign.ts';

const INPUTS = ['affiliateEmail'] as const;

/** Invite a creator by email: invited creators may join even a private campaign. */
export function CampaignInviteForm({ campaign }: { campaign: MerchantCampaign }) {
  const api = useApi();
  const invite = useMutation({
    mutationFn: (affiliateEmail: string) =>
      call(api.POST('/api/merchant/campaigns/{id}/invites', { params: { path: { id: campaign.id } }, body: { affiliateEmail } })),
  });
  const errors = useFormErrors(invite, INPUTS);

  const submit = (data: FormData) => {
    if (!errors.validate(data, INPUTS)) return;
    invite.mutate(String(data.get('affiliateEmail')).trim());
  };

  return (
    <Form onSubmit={submit} errorKey={errors.errorKey} label={`Invite a creator to ${campaign.title}`} className="inline-form">
      <TextField label="Creator’s email" name="affiliateEmail" type="email" required error={errors.fields.affiliateEmail} />
      <button type="submit" className="button" disabled={invite.isPending}>
        {invite.isPending ? 'Inviting…' : 'Invite'}
      </button>
      <FormAlert message={errors.message} />
      {invite.isSuccess && <FormAlert tone="success" message={`Invitation sent to ${invite.variables}.`} />}
    </Form>
  );
}
