import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, type BodyOf, type DataMode } from '../../../api.ts';
import { useApi } from '../../../api-context.tsx';
import { Form, SubmitButton } from '../../../components/Form.tsx';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useFormErrors } from '../../../components/use-form-errors.ts';
import { isRequestableOrderStatus, REQUESTABLE_ORDER_STATUSES, type OrderDetail } from './order-types.ts';

const INPUTS = ['status', 'refundAmount'] as const;

/** Move an order by hand (as the store's API would); its commission follows on the server. */
export function OrderStatusForm({ mode, order }: { mode: DataMode; order: OrderDetail }) {
  const api = useApi().forMode(mode);
  const queryClient = useQueryClient();
  const [status, setStatus] = useState('');
  const change = useMutation({
    mutationFn: (body: BodyOf<'/api/v1/orders/{orderId}', 'patch'>) =>
      call(api.PATCH('/api/v1/orders/{orderId}', { params: { path: { orderId: order.orderId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['merchant', 'orders', mode] }),
  });
  const errors = useFormErrors(change, INPUTS);
  const submit = (data: FormData) => {
    const chosen = String(data.get('status'));
    if (!errors.validate(data, ['status']) || !isRequestableOrderStatus(chosen)) return;
    const refund = String(data.get('refundAmount') ?? '').trim();
    change.mutate(chosen === 'refunded' && refund ? { status: chosen, refundAmount: refund } : { status: chosen });
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
      {status === 'refunded' && (
        <TextField label="Refund amount" name="refundAmount" inputMode="decimal" hint="Leave empty to refund the rest." error={errors.fields.refundAmount} />
      )}
      <SubmitButton pending={change.isPending} pendingLabel="Saving…">
        Change status
      </SubmitButton>
      {change.isSuccess && <FormAlert tone="success" message={`Order is now ${change.data.status.replace('_', ' ')}.`} />}
    </Form>
  );
}
