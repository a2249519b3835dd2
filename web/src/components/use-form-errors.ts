import { useState } from 'react';
import { formErrors, missingFields, type FormErrorOptions } from './form-errors.ts';

interface ResettableMutation {
  error: unknown;
  reset(): void;
}

/**
 * Errors for one form: those found before sending (empty required inputs, our own checks) and those
 * the server answered with, mapped onto the form's inputs.
 */
export function useFormErrors(mutation: ResettableMutation, inputs: readonly string[], options: FormErrorOptions = {}) {
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const server = formErrors(mutation.error, inputs, options);
  const count = clientErrors ? Object.keys(clientErrors).length : 0;

  /** True when the form may be sent; otherwise the problems are shown and nothing is sent. */
  function validate(data: FormData, required: readonly string[], check?: (data: FormData) => Record<string, string>): boolean {
    const problems = { ...missingFields(data, required), ...check?.(data) };
    if (Object.keys(problems).length > 0) {
      mutation.reset();
      setClientErrors(problems);
      return false;
    }
    setClientErrors(null);
    return true;
  }

  return {
    fields: clientErrors ?? server.fields,
    message: clientErrors ? (count === 1 ? 'Please correct the field marked below.' : `Please correct the ${count} fields marked below.`) : server.message,
    /** Changes with every new set of errors (focus moves to the first invalid input). */
    errorKey: clientErrors ?? mutation.error,
    validate,
  };
}
