import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api-context.tsx';
import { Form, SubmitButton } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormErrors } from '../../components/use-form-errors.ts';
import { formatMoney } from '../../format.ts';
import type { Payout } from '../../resources.ts';
import { Link } from '../../router.tsx';
import { payoutMethodLabel } from './payout-method-types.ts';
import { PAYOUTS_KEY, usePayoutMethods, useWallet, WALLET_KEY } from './affiliate-queries.ts';

const INPUTS = ['amount', 'payoutMethodId'] as const;
const AMOUNT = /^\d+(\.\d{1,2})?$/;

export function PayoutRequestForm() {
  const api = useApi();
  const queryClient = useQueryClient();
  const wallet = useWallet();
  const methods = usePayoutMethods();
  const request = useMutation({
    mutationFn: (body: { amount: string; payoutMethodId: string }) => api.post<Payout>('/api/affiliate/payouts', body),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: PAYOUTS_KEY }), queryClient.invalidateQueries({ queryKey: WALLET_KEY })]),
  });
  const errors = useFormErrors(request, INPUTS);
  const options = methods.data?.data ?? [];

  const submit = (data: FormData) => {
    const checkAmount = (d: FormData): Record<string, string> => {
      const amount = String(d.get('amount') ?? '').trim();
      return amount && !AMOUNT.test(amount) ? { amount: 'must be an amount like 1500 or 1500.50' } : {};
    };
    if (!errors.validate(data, INPUTS, checkAmount)) return;
    request.mutate({ amount: String(data.get('amount')).trim(), payoutMethodId: String(data.get('payoutMethodId')) });
  };

  return (
    <section className="card" aria-labelledby="request-payout">
      <h2 id="request-payout">Request a payout</h2>
      {wallet.data && (
        <p>
          Payable now: <strong>{formatMoney(wallet.data.payable, wallet.data.currency)}</strong>
        </p>
      )}
      {methods.isSuccess && options.length === 0 ? (
        <p>
          Add a <Link to="/affiliate/payout-methods">payout method</Link> first.
        </p>
      ) : (
        <Form onSubmit={submit} errorKey={errors.errorKey} label="Request a payout">
          <FormAlert message={errors.message} />
          <div className="field-row">
            <TextField
              label="Amount"
              name="amount"
              inputMode="decimal"
              hint="At least the platform minimum, at most your payable balance."
              required
              error={errors.fields.amount}
            />
            <SelectField label="Send to" name="payoutMethodId" required error={errors.fields.payoutMethodId}>
              <option value="">Choose a method…</option>
              {options.map((m) => (
                <option key={m.id} value={m.id}>
                  {payoutMethodLabel(m.type)}
                  {m.summary ? ` · ${m.summary}` : ''}
                </option>
              ))}
            </SelectField>
          </div>
          <SubmitButton pending={request.isPending} pendingLabel="Requesting…">
            Request payout
          </SubmitButton>
          {request.isSuccess && <FormAlert tone="success" message="Payout requested. It will be reviewed before the next payout run." />}
        </Form>
      )}
    </section>
  );
}
