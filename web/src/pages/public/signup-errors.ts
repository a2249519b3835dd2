import type { FormErrorOptions } from '../../components/form-errors.ts';

/**
 * Sign-up accepts either a merchant or an affiliate body, so a refusal also lists what the other
 * kind of account would have needed. Only this form's own inputs are worth showing.
 */
export function signupErrorOptions(inputs: readonly string[]): FormErrorOptions {
  const rename = (field: string) => field.replace(/\[\d+\]$/, '');
  return {
    rename,
    ignore: (detail) => !detail.field || detail.code === 'UNKNOWN_FIELD' || !inputs.includes(rename(detail.field)),
  };
}
