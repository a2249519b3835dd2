import { useMutation, useQueryClient } from '@tanstack/react-query';
import { asApiError, call, type ApiClient } from '../../api.ts';
import { useApi } from '../../api-context.tsx';

export type PayoutVerb = 'approve' | 'reject' | 'paid' | 'failed';

/** What a decision needs typed in: a reason to reject or fail a payout, the rail's reference to mark it paid. */
const INPUT: Record<PayoutVerb, 'reason' | 'reference' | null> = { approve: null, reject: 'reason', paid: 'reference', failed: 'reason' };

function decide(api: ApiClient, id: string, verb: PayoutVerb, value: string) {
  const params = { path: { id } };
  switch (verb) {
    case 'approve':
      return call(api.POST('/api/admin/payouts/{id}/approve', { params }));
    case 'reject':
      return call(api.POST('/api/admin/payouts/{id}/reject', { params, body: { reason: value } }));
    case 'paid':
      return call(api.POST('/api/admin/payouts/{id}/paid', { params, body: { reference: value } }));
    case 'failed':
      return call(api.POST('/api/admin/payouts/{id}/failed', { params, body: { reason: value } }));
  }
}

/** One admin decision on a payout: a button, with a required text input when the decision needs one. */
export function PayoutAction({ payoutId, verb, label, danger }: { payoutId: string; verb: PayoutVerb; label: string; danger?: boolean }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const input = INPUT[verb];
  const act = useMutation({
    mutationFn: (value: string) => decide(api, payoutId, verb, value),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'payouts'] }),
  });
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = input ? String(new FormData(event.currentTarget).get(input) ?? '').trim() : '';
    if (input && !value) return;
    act.mutate(value);
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={`${label} ${payoutId}`}>
      {input && (
        <input
          name={input}
          aria-label={`${input === 'reason' ? 'Reason' : 'Rail reference'} for ${payoutId}`}
          placeholder={input === 'reason' ? 'Reason' : 'Rail reference'}
          required
        />
      )}
      <button type="submit" className={`button ${danger ? 'button--danger' : 'button--primary'}`} disabled={act.isPending}>
        {label}
      </button>
      {act.isError && (
        <p role="alert" className="field-error">
          {asApiError(act.error).message}
        </p>
      )}
    </form>
  );
}
