import { useMutation, useQuery, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { call, type BodyOf, type ResponseOf } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { Form, SubmitButton } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormErrors } from '../../components/use-form-errors.ts';
import { formatDateTime } from '../../format.ts';
import './admin.css';

type Settings = ResponseOf<'/api/admin/settings', 'get'>;
type SettingsPatch = BodyOf<'/api/admin/settings', 'patch'>;

const MONEY = ['minimumPayout', 'walletTransferLimit', 'bankTransferLimit'] as const;
const PERCENT = ['platformFeePercent', 'payoutWithholdingPercent'] as const;
const INPUTS = ['defaultCommissionType', 'defaultCommissionValue', 'billingPeriod', ...MONEY, ...PERCENT] as const;

/** Only what the admin changed is sent, so the audit log records exactly that. */
function changes(data: FormData, current: Settings): SettingsPatch {
  const patch: Record<string, string> = {};
  for (const name of INPUTS) {
    const value = String(data.get(name) ?? '').trim();
    if (value !== String(current[name])) patch[name] = value;
  }
  return patch as SettingsPatch;
}

export function AdminSettingsPage() {
  const api = useApi();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['admin', 'settings'], queryFn: () => call(api.GET('/api/admin/settings')) });
  // Kept here, not in the form: the form is re-created with the saved values, the outcome stays.
  const save = useMutation({
    mutationFn: (body: SettingsPatch) => call(api.PATCH('/api/admin/settings', { body })),
    onSuccess: (saved) => queryClient.setQueryData(['admin', 'settings'], saved),
  });
  return (
    <div>
      <PageHeader title="Platform settings">
        <p>Defaults for every store and creator. Each change is written to the audit log.</p>
      </PageHeader>
      <QueryState query={settings} what="the settings" feature="Platform settings">
        {(current) => <SettingsForm key={current.updatedAt ?? 'defaults'} current={current} save={save} />}
      </QueryState>
    </div>
  );
}

function SettingsForm({ current, save }: { current: Settings; save: UseMutationResult<Settings, Error, SettingsPatch> }) {
  const errors = useFormErrors(save, INPUTS);
  const submit = (data: FormData) => {
    if (!errors.validate(data, INPUTS)) return;
    const body = changes(data, current);
    if (Object.keys(body).length > 0) save.mutate(body);
  };
  const money = (label: string) => `${label} (${current.currency})`;

  return (
    <Form onSubmit={submit} errorKey={errors.errorKey} label="Platform settings" className="form card">
      <FormAlert message={errors.message} />
      {save.isSuccess && <FormAlert tone="success" message={`Saved. Last change ${formatDateTime(save.data.updatedAt)}.`} />}
      <h2>Commission</h2>
      <p className="muted">The last fallback: used when neither the product, the campaign nor the store sets a rate.</p>
      <div className="settings-grid">
        <SelectField
          label="Default commission type"
          name="defaultCommissionType"
          required
          defaultValue={current.defaultCommissionType}
          error={errors.fields.defaultCommissionType}
        >
          <option value="PERCENTAGE">Percentage of the sale</option>
          <option value="FIXED">Fixed amount per sale</option>
        </SelectField>
        <TextField
          label="Default commission rate"
          name="defaultCommissionValue"
          required
          inputMode="decimal"
          hint={`A percentage such as 5, or an amount in ${current.currency} such as 50.00.`}
          defaultValue={current.defaultCommissionValue}
          error={errors.fields.defaultCommissionValue}
        />
      </div>
      <h2>Payouts</h2>
      <div className="settings-grid">
        <TextField
          label={money('Minimum payout')}
          name="minimumPayout"
          required
          inputMode="decimal"
          defaultValue={current.minimumPayout}
          error={errors.fields.minimumPayout}
        />
        <TextField
          label="Tax withheld from payouts (%)"
          name="payoutWithholdingPercent"
          required
          inputMode="decimal"
          defaultValue={current.payoutWithholdingPercent}
          error={errors.fields.payoutWithholdingPercent}
        />
        <TextField
          label={money('Largest wallet transfer')}
          name="walletTransferLimit"
          required
          inputMode="decimal"
          hint="eSewa, Khalti and IME Pay; larger payouts are split."
          defaultValue={current.walletTransferLimit}
          error={errors.fields.walletTransferLimit}
        />
        <TextField
          label={money('Largest bank transfer')}
          name="bankTransferLimit"
          required
          inputMode="decimal"
          hint="Bank and ConnectIPS; larger payouts are split."
          defaultValue={current.bankTransferLimit}
          error={errors.fields.bankTransferLimit}
        />
      </div>
      <h2>Billing</h2>
      <div className="settings-grid">
        <TextField
          label="Platform fee (%)"
          name="platformFeePercent"
          required
          inputMode="decimal"
          hint="Of the commissions on each statement."
          defaultValue={current.platformFeePercent}
          error={errors.fields.platformFeePercent}
        />
        <SelectField label="Statement period" name="billingPeriod" required defaultValue={current.billingPeriod} error={errors.fields.billingPeriod}>
          <option value="weekly">Weekly</option>
          <option value="monthly">Monthly</option>
        </SelectField>
      </div>
      <div className="form-actions">
        <SubmitButton pending={save.isPending} pendingLabel="Saving…">
          Save settings
        </SubmitButton>
      </div>
    </Form>
  );
}
