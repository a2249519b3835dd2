import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DataMode } from '../../../api.ts';
import { useApi } from '../../../api-context.tsx';
import { Form, SubmitButton } from '../../../components/Form.tsx';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useFormErrors } from '../../../components/use-form-errors.ts';
import { REQUESTABLE_ORDER_STATUSES, type OrderDetail } from '../../../resources.ts';

const INPUTS = ['status', 'refundAmount'] as const;

/** Move an order by hand (as the store's API would); its commission follows on the server. */
export function OrderStatusForm({ mode, order }: { mode: DataMode; order: OrderDetail }) {
  const api = useApi().forMode(mode);
  const queryClient = useQueryClient();
  const [status, setStatus] = useState('');
  const change = useMutation({
    mutationFn: (body: Record<string, string>) => api.patch<OrderDetail>(`/api/v1/orders/${encodeURIComponent(order.orderId)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['merchant', 'orders', mode] }),
  });
  const errors = useFormErrors(change, INPUTS);
  const submit = (data: FormData) => {
    if (!errors.validate(data, ['status'])) return;
    const body: Record<string, string> = { status: String(data.get('status')) };
    const refund = String(data.get('refundAmount') ?? '').trim();
    if (body.status === 'refunded' && refund) body.refundAmount = refund;
    change.mutate(body);
  };

  return (
    <Form onSubmit={submit} errorKey={errors.errorKey} label="Change the order status" className="inline-form">
      <FormAlert message={errors.message} />
      <SelectField label="New status" name="status" required value={status} onChange={(event) => setStatus(event.target.value)} error={errors.fields.status}>
        <option value="">Choose…</option>
        {REQUESTABLE_ORDER_STATUSES.filter((value) => value !== order.status).map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </SelectField>
      {status === 'refunded' && <TextField label="Refund amount" name="refundAmount" inputMode="decimal" hint="Leave empty to refund the rest." error={errors.fields.refundAmount} />}
      <SubmitButton pending={change.isPending} pendingLabel="Saving…">
        Change status
      </SubmitButton>
      {change.isSuccess && <FormAlert tone="success" message={`Order is now ${change.data.status.replace('_', ' ')}.`} />}
    </Form>
  );
}
