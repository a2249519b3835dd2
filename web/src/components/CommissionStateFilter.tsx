import { SelectField } from './SelectField.tsx';
import { COMMISSION_STATUSES } from './commission-states.ts';

/** The "State" filter over commissions: any state, or one of them. */
export function CommissionStateFilter({ value, onChange }: { value: string; onChange(value: string): void }) {
  return (
    <SelectField label="State" name="status" value={value} hideOptional onChange={(event) => onChange(event.target.value)}>
      <option value="">Any state</option>
      {COMMISSION_STATUSES.map((status) => (
        <option key={status} value={status}>
          {status}
        </option>
      ))}
    </SelectField>
  );
}
