import { asApiError, readableMessage } from '../api.ts';

export interface FormErrors {
  fields: Record<string, string>;
  /** Shown above the form: a summary when fields are marked, otherwise what went wrong. */
  message: string | null;
}

export interface FormErrorOptions {
  /** Map a server field path to the form's input name (e.g. `details.accountNumber` → `accountNumber`). */
  rename?: (field: string) => string;
  /** Server details that say nothing about this form's inputs. */
  ignore?: (detail: { field?: string; code?: string }) => boolean;
}

/** Split a failed request into errors next to this form's inputs and one message for the rest. */
export function formErrors(error: unknown, inputs: readonly string[], options: FormErrorOptions = {}): FormErrors {
  if (!error) return { fields: {}, message: null };
  const apiError = asApiError(error);
  if (apiError.isMissingEndpoint) return { fields: {}, message: 'This is not available on this server.' };
  const rename = options.rename ?? ((field: string) => field);
  const fields: Record<string, string> = {};
  const others: string[] = [];
  for (const detail of apiError.details) {
    if (!detail.field || options.ignore?.(detail)) continue;
    const input = rename(detail.field);
    if (inputs.includes(input)) fields[input] ??= readableMessage(detail);
    else others.push(`${detail.field} ${readableMessage(detail)}`);
  }
  const marked = Object.keys(fields).length;
  if (marked > 0 && others.length === 0) {
    return { fields, message: marked === 1 ? 'Please correct the field marked below.' : `Please correct the ${marked} fields marked below.` };
  }
  if (others.length > 0 && apiError.code === 'VALIDATION_FAILED') return { fields, message: `The server refused: ${others.join('; ')}.` };
  return { fields, message: apiError.message };
}

/** Required inputs left empty, checked before a request is sent. */
export function missingFields(data: FormData, required: readonly string[]): Record<string, string> {
  const missing: Record<string, string> = {};
  for (const name of required) if (!String(data.get(name) ?? '').trim()) missing[name] = 'is required';
  return missing;
}
