import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { Form, SubmitButton } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useFormErrors } from '../../components/use-form-errors.ts';
import { formatMoney } from '../../format.ts';
import type { Wallet } from './affiliate-queries.ts';
import { Link } from '../../router.tsx';
import { payoutMethodLabel } from './payout-method-types.ts';
import { PAYOUTS_KEY, usePayoutMethods, useWallet, WALLET_KEY } from './affiliate-queries.ts';

const INPUTS = ['payoutMethodId'] as const;

/** Minor units of a decimal string, for comparing against the minimum without floats. */
const cents = (amount: string) => {
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const value = BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
  return amount.startsWith('-') ? -value : value;
};

/** How far the payable balance is towards the minimum payout, as a bar (0–100). */
function ThresholdProgress({ wallet, currency }: { wallet: Wallet; currency: string }) {
  const payable = wallet.balances.find((b) => b.currency === currency)?.payable ?? '0.00';
  const have = cents(payable);
  const need = cents(wallet.minimumPayout);
  const percent = need <= 0n ? 100 : have <= 0n ? 0 : Number(have >= need ? 100n : (have * 100n) / need);
  return (
    <div className="threshold">
      <p>
        Payable now: <strong>{formatMoney(payable, currency)}</strong> of the {formatMoney(wallet.minimumPayout, currency)} minimum
      </p>
      <progress max={100} value={percent} aria-label="Progress to the minimum payout">
        {percent}%
      </progress>
      <p className="muted">{percent >= 100 ? 'You can withdraw your whole payable balance.' : `${percent}% of the way to your next payout.`}</p>
    </div>
  );
}

/** Request the whole payable balance to a payout method; each request is reviewed before it is paid. */
export function PayoutRequestForm() {
  const api = useApi();
  const queryClient = useQueryClient();
  const wallet = useWallet();
  const methods = usePayoutMethods();
  const request = useMutation({
    mutationFn: (body: { payoutMethodId: string }) => call(api.POST('/api/affiliate/payouts', { body })),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: PAYOUTS_KEY }), queryClient.invalidateQueries({ queryKey: WALLET_KEY })]),
  });
  const errors = useFormErrors(request, INPUTS);
  const options = methods.data?.data ?? [];
  const preferred = options.find((m) => m.isDefault)?.id ?? options[0]?.id ?? '';

  const submit = (data: FormData) => {
    if (!errors.validate(data, INPUTS)) return;
    request.mutate({ payoutMethodId: String(data.get('payoutMethodId')) });
  };

  return (
    <section className="card" aria-labelledby="request-payout">
      <h2 id="request-payout">Request a payout</h2>
      {wallet.data && <ThresholdProgress wallet={wallet.data} currency={wallet.data.balances[0]?.currency ?? 'NPR'} />}
      {methods.isSuccess && options.length === 0 ? (
        <p>
          Add a <Link to="/affiliate/payout-methods">payout method</Link> first.
        </p>
      ) : (
        <Form onSubmit={submit} errorKey={errors.errorKey} label="Request a payout">
          <FormAlert message={errors.message} />
          <p className="muted">A payout withdraws your whole payable balance; tax is withheld as the platform sets.</p>
          <SelectField key={preferred} label="Send to" name="payoutMethodId" required defaultValue={preferred} error={errors.fields.payoutMethodId}>
            <option value="">Choose a method…</option>
            {options.map((m) => (
              <option key={m.id} value={m.id}>
                {payoutMethodLabel(m.type)}
                {` · ${m.accountMasked}`}
              </option>
            ))}
          </SelectField>
          <SubmitButton pending={request.isPending} pendingLabel="Requesting…">
            Request payout
          </SubmitButton>
          {request.isSuccess && (
            <FormAlert
              tone="success"
              message={`Payout of ${formatMoney(request.data.amount, request.data.currency)} requested. It will be reviewed before the next payout run.`}
            />
          )}
        </Form>
      )}
    </section>
  );
}
