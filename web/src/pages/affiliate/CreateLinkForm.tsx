import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../api-context.tsx';
import { CopyButton } from '../../components/CopyButton.tsx';
import { Form, SubmitButton } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormErrors } from '../../components/use-form-errors.ts';
import { call, type BodyOf } from '../../api.ts';
import { CampaignPicker } from './CampaignPicker.tsx';
import { LinkQrCode } from './LinkQrCode.tsx';
import { ProductPicker, type LinkProduct } from './ProductPicker.tsx';
import type { MarketplaceCampaign } from './affiliate-queries.ts';
import { LINKS_KEY } from './affiliate-queries.ts';
import { MAX_SUB_ID_LENGTH, previewLinkUrl, SUB_ID_KEYS, withSubIds, type SubIds } from './link-url.ts';

const INPUTS = ['campaignId', 'productId'] as const;

/**
 * Make a link: pick a joined campaign, optionally one of its products, add sub-ids to tell placements
 * apart, and see the address to share before and after it is made.
 */
export function CreateLinkForm({
  campaigns,
  preselected,
  linkOrigin,
}: {
  campaigns: readonly MarketplaceCampaign[];
  preselected: string | null;
  linkOrigin: string;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const joined = campaigns.filter((c) => c.membershipStatus === 'APPROVED');
  const [campaignId, setCampaignId] = useState(() => (preselected && joined.some((c) => c.id === preselected) ? preselected : ''));
  const [product, setProduct] = useState<LinkProduct | null>(null);
  const [subIds, setSubIds] = useState<SubIds>({});
  const create = useMutation({
    mutationFn: (body: BodyOf<'/api/affiliate/links', 'post'>) => call(api.POST('/api/affiliate/links', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: LINKS_KEY }),
  });
  const errors = useFormErrors(create, INPUTS);
  // The sub-ids the link was made with, so editing them afterwards does not change what was made.
  const [madeWith, setMadeWith] = useState<SubIds>({});

  const submit = (data: FormData) => {
    if (!errors.validate(data, ['campaignId'])) return;
    setMadeWith(subIds);
    create.mutate({ campaignId, ...(product ? { productId: product.id } : {}) });
  };

  if (joined.length === 0) {
    return (
      <section className="card" aria-labelledby="new-link">
        <h2 id="new-link">New link</h2>
        <p className="muted">Join a campaign in the marketplace first; you can then make links for it here.</p>
      </section>
    );
  }

  const made = create.data ? withSubIds(create.data.url, madeWith) : null;
  return (
    <section className="card" aria-labelledby="new-link">
      <h2 id="new-link">New link</h2>
      <Form onSubmit={submit} errorKey={errors.errorKey} label="New link">
        <FormAlert message={errors.message} />
        <CampaignPicker
          campaigns={joined}
          value={campaignId}
          onChange={(id) => {
            setCampaignId(id);
            setProduct(null);
          }}
          error={errors.fields.campaignId}
        />
        {campaignId && <ProductPicker key={campaignId} campaignId={campaignId} value={product} onChange={setProduct} />}
        {errors.fields.productId && <p className="field-error">Product: {errors.fields.productId}</p>}
        <fieldset>
          <legend>Sub-ids</legend>
          <p className="form-note">Optional labels that come back in your reports with each click, e.g. where you posted the link.</p>
          <div className="field-row">
            {SUB_ID_KEYS.map((key) => (
              <TextField
                key={key}
                label={key}
                name={key}
                maxLength={MAX_SUB_ID_LENGTH}
                value={subIds[key] ?? ''}
                onChange={(event) => setSubIds({ ...subIds, [key]: event.target.value })}
              />
            ))}
          </div>
        </fieldset>
        <p>
          Your link will look like:{' '}
          <output className="mono" aria-label="Link preview">
            {previewLinkUrl(linkOrigin, subIds)}
          </output>
        </p>
        <p className="form-note">The code after /r/ is drawn when you create the link.</p>
        <SubmitButton pending={create.isPending} pendingLabel="Creating…">
          Create link
        </SubmitButton>
      </Form>
      {create.data && made && (
        <div className="alert alert--success" role="status">
          <p>
            New link: <span className="mono">{made}</span> <CopyButton text={made} label="Copy link" />
          </p>
          <LinkQrCode linkId={create.data.id} url={made} subIds={madeWith} />
        </div>
      )}
    </section>
  );
}
