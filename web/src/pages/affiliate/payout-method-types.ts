import type { BodyOf } from '../../api.ts';

/** What the server takes for a new payout method: the type and that type's fields, flat. */
export type PayoutMethodBody = BodyOf<'/api/affiliate/payout-methods', 'post'>;
export type PayoutMethodType = PayoutMethodBody['type'];
export type MethodFieldName = Exclude<keyof PayoutMethodBody, 'type' | 'isDefault'>;

export interface MethodField {
  name: MethodFieldName;
  label: string;
  hint?: string;
  optional?: boolean;
  inputMode?: 'numeric' | 'tel' | 'text';
  autoComplete?: string;
  /** A check made before sending; the server validates again. */
  pattern?: RegExp;
  patternMessage?: string;
}

const holder: MethodField = { name: 'accountHolderName', label: 'Account holder name', hint: 'Exactly as the bank or wallet has it.', autoComplete: 'name' };
const mobile = (wallet: string): MethodField => ({
  name: 'mobileNumber',
  label: `${wallet} mobile number`,
  hint: `The 10-digit number your ${wallet} account is registered to.`,
  inputMode: 'tel',
  autoComplete: 'tel-national',
  pattern: /^9[78]\d{8}$/,
  patternMessage: 'must be a 10-digit mobile number starting with 98 or 97',
});
const bankName: MethodField = { name: 'bankName', label: 'Bank' };
const accountNumber: MethodField = {
  name: 'accountNumber',
  label: 'Account number',
  inputMode: 'numeric',
  pattern: /^\d{8,20}$/,
  patternMessage: 'must be 8–20 digits',
};

export const PAYOUT_METHOD_TYPES: Record<PayoutMethodType, { label: string; fields: MethodField[] }> = {
  BANK_ACCOUNT: { label: 'Bank account', fields: [holder, bankName, { name: 'branch', label: 'Branch', optional: true }, accountNumber] },
  ESEWA: { label: 'eSewa', fields: [holder, mobile('eSewa')] },
  KHALTI: { label: 'Khalti', fields: [holder, mobile('Khalti')] },
  IME_PAY: { label: 'IME Pay', fields: [holder, mobile('IME Pay')] },
  CONNECT_IPS: { label: 'ConnectIPS', fields: [holder, bankName, accountNumber] },
};

export const payoutMethodLabel = (type: string): string => PAYOUT_METHOD_TYPES[type as PayoutMethodType]?.label ?? type;

export function isPayoutMethodType(value: string): value is PayoutMethodType {
  return value in PAYOUT_METHOD_TYPES;
}

/** Problems found before sending: a value that does not look like the field's format. */
export function checkMethodFields(fields: readonly MethodField[], data: FormData): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of fields) {
    const value = String(data.get(field.name) ?? '').trim();
    if (value && field.pattern && !field.pattern.test(value)) problems[field.name] = field.patternMessage ?? 'is not valid';
  }
  return problems;
}
