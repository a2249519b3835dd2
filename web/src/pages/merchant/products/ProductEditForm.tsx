import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, type BodyOf, type DataMode, type ItemOf } from '../../../api.ts';
import { useApi } from '../../../api-context.tsx';
import { Form, SubmitButton } from '../../../components/Form.tsx';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useFormErrors } from '../../../components/use-form-errors.ts';

export type MerchantProduct = ItemOf<'/api/v1/products', 'get'>;
type ProductPatch = BodyOf<'/api/v1/products/{id}', 'patch'>;

const REQUIRED = ['name', 'productUrl', 'price'] as const;
const OPTIONAL = ['category', 'discountPrice', 'commissionType', 'commissionValue', 'campaignId'] as const;
const INPUTS = [...REQUIRED, ...OPTIONAL] as const;

/** The inputs as a partial update: an emptied optional input clears that field (null). */
function productPatch(data: FormData): ProductPatch {
  const body: Record<string, string | null> = {};
  for (const name of REQUIRED) body[name] = String(data.get(name) ?? '').trim();
  for (const name of OPTIONAL) body[name] = String(data.get(name) ?? '').trim() || null;
  return body as ProductPatch;
}

/** Change a product's name, link, price, sale price, category, own commission and campaign. */
export function ProductEditForm({
  mode,
  product,
  campaigns,
  onDone,
}: {
  mode: DataMode;
  product: MerchantProduct;
  campaigns: Array<{ id: string; title: string }>;
  onDone(): void;
}) {
  const api = useApi().forMode(mode);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: ProductPatch) => call(api.PATCH('/api/v1/products/{id}', { params: { path: { id: product.id } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['merchant', 'products'] });
      onDone();
    },
  });
  const errors = useFormErrors(save, INPUTS);
  const submit = (data: FormData) => {
    if (!errors.validate(data, REQUIRED)) return;
    save.mutate(productPatch(data));
  };

  return (
    <Form onSubmit={submit} errorKey={errors.errorKey} label={`Edit ${product.name}`} className="form card section">
      <h2>
        Edit <span className="mono">{product.externalProductId}</span>
      </h2>
      <FormAlert message={errors.message} />
      <TextField label="Name" name="name" required defaultValue={product.name} error={errors.fields.name} />
      <TextField
        label="Product page"
        name="productUrl"
        type="url"
        required
        hint="On one of your approved domains."
        defaultValue={product.productUrl}
        error={errors.fields.productUrl}
      />
      <TextField label={`Price (${product.currency})`} name="price" required inputMode="decimal" defaultValue={product.price} error={errors.fields.price} />
      <TextField
        label={`Sale price (${product.currency})`}
        name="discountPrice"
        inputMode="decimal"
        defaultValue={product.discountPrice ?? ''}
        error={errors.fields.discountPrice}
      />
      <TextField label="Category" name="category" defaultValue={product.category ?? ''} error={errors.fields.category} />
      <SelectField label="Campaign" name="campaignId" defaultValue={product.campaignId ?? ''} error={errors.fields.campaignId}>
        <option value="">No campaign</option>
        {campaigns.map((campaign) => (
          <option key={campaign.id} value={campaign.id}>
            {campaign.title}
          </option>
        ))}
      </SelectField>
      <SelectField label="Own commission" name="commissionType" defaultValue={product.commissionType ?? ''} error={errors.fields.commissionType}>
        <option value="">The campaign's rate</option>
        <option value="PERCENTAGE">Percentage of the sale</option>
        <option value="FIXED">Fixed amount per unit</option>
      </SelectField>
      <TextField
        label="Own commission rate"
        name="commissionValue"
        inputMode="decimal"
        defaultValue={product.commissionValue ?? ''}
        error={errors.fields.commissionValue}
      />
      <div className="form-actions">
        <SubmitButton pending={save.isPending} pendingLabel="Saving…">
          Save product
        </SubmitButton>
        <button type="button" className="button button--quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </Form>
  );
}
