import type { ErrorDetail } from '../../platform/errors.ts';
import type { PayoutMethodType } from './affiliates.tables.ts';

/** A payout method as the affiliate sends it; which fields apply depends on `type`. */
export interface PayoutMethodInput {
  type: PayoutMethodType;
  accountHolderName?: string | undefined;
  /** eSewa, Khalti, IME Pay: the wallet's registered mobile number. */
  mobileNumber?: string | undefined;
  /** Bank account and ConnectIPS. */
  bankName?: string | undefined;
  bankCode?: string | undefined;
  branch?: string | undefined;
  accountNumber?: string | undefined;
}

export interface ValidPayoutMethod {
  type: PayoutMethodType;
  accountHolderName: string;
  bankName: string | null;
  bankCode: string | null;
  branch: string | null;
  /** The normalised account identifier: bank account digits, or the wallet's 10-digit mobile number. */
  account: string;
}

export type PayoutMethodCheck = { ok: true; value: ValidPayoutMethod } | { ok: false; details: ErrorDetail[] };

const WALLETS: ReadonlySet<PayoutMethodType> = new Set(['ESEWA', 'KHALTI', 'IME_PAY']);
const WALLET_FIELDS = ['mobileNumber'] as const;
const BANK_FIELDS = ['bankName', 'bankCode', 'branch', 'accountNumber'] as const;

export const isWallet = (type: PayoutMethodType) => WALLETS.has(type);

/**
 * A Nepali mobile number, normalised to its 10 digits (98xxxxxxxx or 97xxxxxxxx). Accepts a +977 /
 * 977 country prefix and spaces or dashes between digit groups; anything else is refused.
 */
export function normalizeNepaliMobile(raw: string): string | null {
  const compact = raw.trim().replace(/[\s-]/g, '');
  const match = /^(?:\+?977)?(9[78]\d{8})$/.exec(compact);
  return match?.[1] ?? null;
}

/** Bank account numbers in Nepal are digits only; people write them with spaces or dashes. */
export function normalizeAccountNumber(raw: string): string | null {
  const compact = raw.trim().replace(/[\s-]/g, '');
  return /^\d{8,20}$/.test(compact) ? compact : null;
}

/** A person's or business's name as the bank or wallet holds it (any script, including Devanagari). */
export function normalizeHolderName(raw: string): string | null {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length < 2 || name.length > 100) return null;
  if (!/^[\p{L}\p{M}][\p{L}\p{M} .'&()-]*$/u.test(name)) return null;
  return (name.match(/\p{L}/gu)?.length ?? 0) >= 2 ? name : null;
}

/** SWIFT/BIC or a local bank code: 2 to 11 letters and digits. */
export function normalizeBankCode(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return /^[A-Z0-9]{2,11}$/.test(code) ? code : null;
}

function normalizeLabel(raw: string): string | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  return text.length >= 2 && text.length <= 100 && /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} .,'&()/-]*$/u.test(text) ? text : null;
}

const present = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/** Check and normalise a payout method: every problem is reported, each naming its field. */
export function validatePayoutMethod(input: PayoutMethodInput): PayoutMethodCheck {
  const details: ErrorDetail[] = [];
  const fail = (field: string, code: string, message: string) => void details.push({ field, code, message });

  const holder = present(input.accountHolderName) ? normalizeHolderName(input.accountHolderName) : null;
  if (!present(input.accountHolderName)) fail('accountHolderName', 'REQUIRED', 'is required');
  else if (!holder) fail('accountHolderName', 'INVALID_NAME', 'must be the account holder’s name, 2–100 letters');

  const wallet = isWallet(input.type);
  for (const field of wallet ? BANK_FIELDS : WALLET_FIELDS) {
    if (input[field] !== undefined) fail(field, 'NOT_APPLICABLE', `is not used for ${input.type}`);
  }

  let account: string | null = null;
  let bankName: string | null = null;
  let bankCode: string | null = null;
  let branch: string | null = null;
  if (wallet) {
    if (!present(input.mobileNumber)) fail('mobileNumber', 'REQUIRED', 'is required');
    else if (!(account = normalizeNepaliMobile(input.mobileNumber))) {
      fail('mobileNumber', 'INVALID_MOBILE_NUMBER', 'must be a Nepali mobile number: 10 digits starting with 98 or 97');
    }
  } else {
    if (!present(input.bankName) && !present(input.bankCode)) fail('bankName', 'REQUIRED', 'bankName or bankCode is required');
    if (present(input.bankName) && !(bankName = normalizeLabel(input.bankName))) fail('bankName', 'INVALID_BANK_NAME', 'must be 2–100 characters');
    if (present(input.bankCode) && !(bankCode = normalizeBankCode(input.bankCode))) {
      fail('bankCode', 'INVALID_BANK_CODE', 'must be 2–11 letters or digits (SWIFT/BIC or local bank code)');
    }
    if (!present(input.branch)) fail('branch', 'REQUIRED', 'is required');
    else if (!(branch = normalizeLabel(input.branch))) fail('branch', 'INVALID_BRANCH', 'must be 2–100 characters');
    if (!present(input.accountNumber)) fail('accountNumber', 'REQUIRED', 'is required');
    else if (!(account = normalizeAccountNumber(input.accountNumber))) {
      fail('accountNumber', 'INVALID_ACCOUNT_NUMBER', 'must be 8–20 digits (spaces and dashes are ignored)');
    }
  }

  if (details.length > 0 || !holder || !account) return { ok: false, details };
  return { ok: true, value: { type: input.type, accountHolderName: holder, bankName, bankCode, branch, account } };
}

/** What the dashboard shows instead of the account: its last four digits. */
export function maskAccount(last4: string): string {
  return `••••${last4}`;
}

/** Identifies "the same account" for duplicate detection; hashed with a key before it is stored. */
export function accountIdentity(method: ValidPayoutMethod): string {
  const bank = isWallet(method.type) ? '' : (method.bankCode ?? method.bankName ?? '').toLowerCase();
  return `${method.type}:${bank}:${method.account}`;
}
