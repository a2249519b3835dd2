import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { asApiError, call, type ItemOf } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { Form } from '../../components/Form.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormErrors } from '../../components/use-form-errors.ts';

/** A merchant account as the admin list shows it, with its domains. */
export type AdminMerchant = ItemOf<'/api/admin/merchants', 'get'>;

type Decision = { action: 'approve' } | { action: 'reject'; reason: string };

/** Approve at once, or reject with a reason the merchant will be told. */
export function MerchantDecision({ merchant }: { merchant: AdminMerchant }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const decide = useMutation({
    mutationFn: (decision: Decision) => {
      const path = { path: { id: merchant.id } };
      return decision.action === 'reject'
        ? call(api.POST('/api/admin/merchants/{id}/reject', { params: path, body: { reason: decision.reason } }))
        : call(api.POST('/api/admin/merchants/{id}/approve', { params: path }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'merchants'] }),
  });
  const errors = useFormErrors(decide, ['reason']);
  const failure = decide.isError && !errors.fields.reason ? asApiError(decide.error) : null;

  if (rejecting) {
    const submit = (data: FormData) => {
      if (!errors.validate(data, ['reason'])) return;
      decide.mutate({ action: 'reject', reason: String(data.get('reason')).trim() });
    };
    return (
      <Form onSubmit={submit} errorKey={errors.errorKey} label={`Reject ${merchant.businessName}`} className="inline-form">
        <TextField label="Reason" name="reason" required error={errors.fields.reason} />
        <button type="submit" className="button button--danger" disabled={decide.isPending}>
          Reject
        </button>
        <button type="button" className="button button--quiet" onClick={() => setRejecting(false)}>
          Cancel
        </button>
        {failure && <p role="alert" className="field-error">{failure.message}</p>}
      </Form>
    );
  }
  return (
    <div className="actions">
      <button type="button" className="button button--primary" disabled={decide.isPending} onClick={() => decide.mutate({ action: 'approve' })}>
        {decide.isPending ? 'Approving…' : 'Approve'}
      </button>
      <button type="button" className="button" onClick={() => setRejecting(true)}>
        Reject…
      </button>
      {failure && (
        <p role="alert" className="field-error">
          {failure.isMissingEndpoint ? 'Deciding is not available on this server.' : failure.message}
        </p>
      )}
    </div>
  );
}
