import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useApi } from '../../../api-context.tsx';
import { call, type BodyOf, type DataMode } from '../../../api.ts';
import { Form, SubmitButton } from '../../../components/Form.tsx';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useFormErrors } from '../../../components/use-form-errors.ts';
import type { MerchantCampaign } from './merchant-campaign.ts';

const INPUTS = [
  'title',
  'description',
  'category',
  'landingUrl',
  'defaultCommissionType',
  'defaultCommissionValue',
  'cookieDurationDays',
  'approvalRequired',
] as const;
const OPTIONAL_TEXT = ['description', 'category', 'landingUrl', 'defaultCommissionType', 'defaultCommissionValue'] as const;

/** The form's inputs as the API's body: on create an empty input is left out, on edit it clears the field. */
function campaignBody(data: FormData, editing: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = { title: String(data.get('title')).trim(), approvalRequired: data.get('approvalRequired') === 'on' };
  for (const name of OPTIONAL_TEXT) {
    const value = String(data.get(name) ?? '').trim();
    if (value) body[name] = value;
    else if (editing) body[name] = null;
  }
  const days = String(data.get('cookieDurationDays') ?? '').trim();
  if (days) body.cookieDurationDays = Number(days);
  return body;
}

/** Create a campaign (it starts as a draft) or change one; the same inputs either way. */
export function CampaignForm({ mode, campaign, onDone }: { mode: DataMode; campaign?: MerchantCampaign; onDone?: () => void }) {
  const api = useApi().forMode(mode);
  const queryClient = useQueryClient();
  const descriptionId = useId();
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      campaign
        ? call(api.PATCH('/api/v1/campaigns/{id}', { params: { path: { id: campaign.id } }, body: body as BodyOf<'/api/v1/campaigns/{id}', 'patch'> }))
        : call(api.POST('/api/v1/campaigns', { body: body as BodyOf<'/api/v1/campaigns', 'post'> })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['merchant', 'campaigns'] });
      onDone?.();
    },
  });
  const errors = useFormErrors(save, INPUTS);
  const submit = (data: FormData) => {
    if (!errors.validate(data, ['title'])) return;
    save.mutate(campaignBody(data, !!campaign));
  };

  return (
    <Form onSubmit={submit} errorKey={errors.errorKey} label={campaign ? `Edit ${campaign.title}` : 'New campaign'}>
      <FormAlert message={errors.message} />
      <TextField label="Title" name="title" required defaultValue={campaign?.title} error={errors.fields.title} />
      <div className={`field${errors.fields.description ? ' field--invalid' : ''}`}>
        <label htmlFor={descriptionId}>
          Description<span className="field-optional"> (optional)</span>
        </label>
        <textarea id={descriptionId} name="description" rows={3} defaultValue={campaign?.description ?? ''} />
        {errors.fields.description && <p className="field-error">Description {errors.fields.description}</p>}
      </div>
      <TextField label="Category" name="category" defaultValue={campaign?.category ?? ''} error={errors.fields.category} />
      <TextField
        label="Landing page"
        name="landingUrl"
        type="url"
        hint="Where a link sends the buyer; it must be on one of your approved domains."
        defaultValue={campaign?.landingUrl ?? ''}
        error={errors.fields.landingUrl}
      />
      <SelectField
        label="Commission type"
        name="defaultCommissionType"
        defaultValue={campaign?.defaultCommissionType ?? ''}
        error={errors.fields.defaultCommissionType}
      >
        <option value="">Account default</option>
        <option value="PERCENTAGE">Percentage of the sale</option>
        <option value="FIXED">Fixed amount per sale</option>
      </SelectField>
      <TextField
        label="Commission rate"
        name="defaultCommissionValue"
        inputMode="decimal"
        hint="A percentage such as 12.5, or an amount such as 250.00."
        defaultValue={campaign?.defaultCommissionValue ?? ''}
        error={errors.fields.defaultCommissionValue}
      />
      <TextField
        label="Cookie days"
        name="cookieDurationDays"
        type="number"
        min={0}
        max={365}
        defaultValue={campaign?.cookieDurationDays ?? ''}
        error={errors.fields.cookieDurationDays}
      />
      <label className="checkbox">
        <input type="checkbox" name="approvalRequired" defaultChecked={campaign?.approvalRequired ?? false} /> Needs review: an admin approves the campaign and
        I approve each affiliate who joins
      </label>
      <div className="form-actions">
        <SubmitButton pending={save.isPending} pendingLabel="Saving…">
          {campaign ? 'Save changes' : 'Create campaign'}
        </SubmitButton>
        {onDone && (
          <button type="button" className="button button--quiet" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
    </Form>
  );
}
