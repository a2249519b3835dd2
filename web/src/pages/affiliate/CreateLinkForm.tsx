import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api-context.tsx';
import { CopyButton } from '../../components/CopyButton.tsx';
import { Form, SubmitButton } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormErrors } from '../../components/use-form-errors.ts';
import { call, type BodyOf } from '../../api.ts';
import type { MarketplaceCampaign } from './affiliate-queries.ts';
import { LINKS_KEY } from './affiliate-queries.ts';

const INPUTS = ['campaignId', 'productId'] as const;

/** Make a link for a joined campaign, or for one product in it. */
export function CreateLinkForm({ campaigns, preselected }: { campaigns: readonly MarketplaceCampaign[]; preselected: string | null }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: BodyOf<'/api/affiliate/links', 'post'>) => call(api.POST('/api/affiliate/links', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: LINKS_KEY }),
  });
  const errors = useFormErrors(create, INPUTS);
  const joined = campaigns.filter((c) => c.membershipStatus === 'APPROVED');

  const submit = (data: FormData) => {
    if (!errors.validate(data, ['campaignId'])) return;
    const productId = String(data.get('productId') ?? '').trim();
    create.mutate({ campaignId: String(data.get('campaignId')).trim(), ...(productId ? { productId } : {}) });
  };

  return (
    <section className="card" aria-labelledby="new-link">
      <h2 id="new-link">New link</h2>
      <Form onSubmit={submit} errorKey={errors.errorKey} label="New link">
        <FormAlert message={errors.message} />
        <div className="field-row">
          {joined.length > 0 ? (
            <SelectField label="Campaign" name="campaignId" required defaultValue={preselected ?? ''} error={errors.fields.campaignId}>
              <option value="">Choose a campaign…</option>
              {joined.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </SelectField>
          ) : (
            <TextField
              label="Campaign ID"
              name="campaignId"
              required
              defaultValue={preselected ?? ''}
              hint="Join a campaign in the marketplace first; you can then pick it here."
              error={errors.fields.campaignId}
            />
          )}
          <TextField label="Product ID" name="productId" hint="Link straight to one product instead of the campaign." error={errors.fields.productId} />
        </div>
        <SubmitButton pending={create.isPending} pendingLabel="Creating…">
          Create link
        </SubmitButton>
      </Form>
      {create.data && (
        <div className="alert alert--success" role="status">
          New link: <span className="mono">{create.data.url}</span> <CopyButton text={create.data.url} label="Copy link" />
        </div>
      )}
    </section>
  );
}
