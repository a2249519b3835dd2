import { useMutation, useQueryClient } from '@tanstack/react-query';
import { asApiError } from '../../api.ts';
import { useApi } from '../../api-context.tsx';

/**
 * One admin decision on a payout: a button, with a required text input when the decision needs one
 * (a reason to reject or fail it, the rail's reference to mark it paid).
 */
export function PayoutAction({ payoutId, verb, label, input, danger }: { payoutId: string; verb: string; label: string; input?: 'reason' | 'reference'; danger?: boolean }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const act = useMutation({
    mutationFn: (value: string | null) => api.post<unknown>(`/api/admin/payouts/${encodeURIComponent(payoutId)}/${verb}`, input ? { [input]: value } : {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'payouts'] }),
  });
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = input ? String(new FormData(event.currentTarget).get(input) ?? '').trim() : null;
    if (input && !value) return;
    act.mutate(value);
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={`${label} ${payoutId}`}>
      {input && <input name={input} aria-label={`${input === 'reason' ? 'Reason' : 'Rail reference'} for ${payoutId}`} placeholder={input === 'reason' ? 'Reason' : 'Rail reference'} required />}
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
