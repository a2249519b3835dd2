import { describe, expect, it } from 'vitest';
import { ApiError } from '../api.ts';
import { signupErrorOptions } from '../pages/public/signup-errors.ts';
import { formErrors, missingFields } from './form-errors.ts';

const validation = (details: Array<{ field: string; code: string; message: string }>) => new ApiError(400, 'VALIDATION_FAILED', 'Invalid request', details);

describe('formErrors', () => {
  it('puts each field’s first readable message next to its input', () => {
    const error = validation([
      { field: 'password', code: 'MINLENGTH', message: 'must NOT have fewer than 10 characters' },
      { field: 'email', code: 'FORMAT', message: 'must match format "email"' },
      { field: 'email', code: 'MAXLENGTH', message: 'must NOT have more than 254 characters' },
    ]);
    expect(formErrors(error, ['email', 'password'])).toEqual({
      fields: { password: 'must be at least 10 characters long', email: 'must be a valid email address' },
      message: 'Please correct the 2 fields marked below.',
    });
  });

  it('drops what sign-up says about the other kind of account', () => {
    // An affiliate sign-up with a short password, as the server reports it for its two accepted bodies.
    const error = validation([
      { field: 'role', code: 'CONST', message: 'must be equal to constant' },
      { field: 'businessName', code: 'REQUIRED', message: 'is required' },
      { field: 'website', code: 'REQUIRED', message: 'is required' },
      { field: 'password', code: 'MINLENGTH', message: 'must NOT have fewer than 10 characters' },
    ]);
    const inputs = ['displayName', 'email', 'password'];
    expect(formErrors(error, inputs, signupErrorOptions(inputs))).toEqual({
      fields: { password: 'must be at least 10 characters long' },
      message: 'Please correct the field marked below.',
    });
  });

  it('keeps a store form’s real error on a field the other body calls unknown', () => {
    const error = validation([
      { field: 'businessName', code: 'UNKNOWN_FIELD', message: 'is not a known field' },
      { field: 'businessName', code: 'MAXLENGTH', message: 'must NOT have more than 160 characters' },
      { field: 'domains[1]', code: 'INVALID_DOMAIN', message: 'must be a domain name such as shop.example.com' },
    ]);
    const inputs = ['businessName', 'domains'];
    expect(formErrors(error, inputs, signupErrorOptions(inputs)).fields).toEqual({
      businessName: 'must be at most 160 characters long',
      domains: 'must be a domain name such as shop.example.com',
    });
  });

  it('names server complaints about fields the form does not have, and passes other errors through', () => {
    const odd = validation([{ field: 'query.page', code: 'MINIMUM', message: 'must be >= 1' }]);
    expect(formErrors(odd, ['email'])).toEqual({ fields: {}, message: 'The server refused: query.page must be >= 1.' });
    const credentials = new ApiError(401, 'INVALID_CREDENTIALS', 'Email or password is wrong');
    expect(formErrors(credentials, ['email', 'password'])).toEqual({ fields: {}, message: 'Email or password is wrong' });
    const missing = new ApiError(404, 'NOT_FOUND', 'No route for POST /api/affiliate/payouts');
    expect(formErrors(missing, ['amount']).message).toBe('This is not available on this server.');
    expect(formErrors(null, ['amount'])).toEqual({ fields: {}, message: null });
  });
});

describe('missingFields', () => {
  it('treats blank and whitespace-only inputs as missing', () => {
    const data = new FormData();
    data.set('email', '  ');
    data.set('password', 'x');
    expect(missingFields(data, ['email', 'password', 'name'])).toEqual({ email: 'is required', name: 'is required' });
  });
});
