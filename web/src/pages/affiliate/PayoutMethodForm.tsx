import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { Form, SubmitButton } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormErrors } from '../../components/use-form-errors.ts';
import { PAYOUT_METHODS_KEY } from './affiliate-queries.ts';
import { checkMethodFields, isPayoutMethodType, PAYOUT_METHOD_TYPES, type PayoutMethodBody, type PayoutMethodType } from './payout-method-types.ts';

/** One form per method: the chosen type decides which fields are asked for. */
export function PayoutMethodForm() {
  const api = useApi();
  const queryClient = useQueryClient();
  const [type, setType] = useState<PayoutMethodType>('BANK_ACCOUNT');
  const spec = PAYOUT_METHOD_TYPES[type];
  const inputs = spec.fields.map((f) => f.name);
  const add = useMutation({
    mutationFn: (body: PayoutMethodBody) => call(api.POST('/api/affiliate/payout-methods', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PAYOUT_METHODS_KEY }),
  });
  const errors = useFormErrors(add, inputs);

  const submit = (data: FormData) => {
    const required = spec.fields.filter((f) => !f.optional).map((f) => f.name);
    if (!errors.validate(data, required, (d) => checkMethodFields(spec.fields, d))) return;
    const body: PayoutMethodBody = { type };
    for (const field of spec.fields) {
      const value = String(data.get(field.name) ?? '').trim();
      if (value) body[field.name] = value;
    }
    add.mutate(body);
  };

  return (
    <section className="card" aria-labelledby="add-method">
      <h2 id="add-method">Add a payout method</h2>
      <fieldset className="segmented">
        <legend>Method</legend>
        {Object.entries(PAYOUT_METHOD_TYPES).map(([value, option]) => (
          <label key={value} className={value === type ? 'segmented-option segmented-option--selected' : 'segmented-option'}>
            <input
              type="radio"
              name="payout-method-type"
              value={value}
              checked={value === type}
              onChange={() => {
                if (!isPayoutMethodType(value)) return;
                add.reset();
                setType(value);
              }}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      {/* Keyed by type: switching method starts a clean form. */}
      <Form key={type} onSubmit={submit} errorKey={errors.errorKey} label={`Add ${spec.label}`}>
        <FormAlert message={errors.message} />
        {spec.fields.map((field) => (
          <TextField
            key={field.name}
            label={field.label}
            name={field.name}
            hint={field.hint}
            inputMode={field.inputMode}
            autoComplete={field.autoComplete}
            required={!field.optional}
            error={errors.fields[field.name]}
          />
        ))}
        <SubmitButton pending={add.isPending} pendingLabel="Saving…">
          Save {spec.label}
        </SubmitButton>
        {add.isSuccess && <FormAlert tone="success" message={`${spec.label} saved.`} />}
      </Form>
    </section>
  );
}
