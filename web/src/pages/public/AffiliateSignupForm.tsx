import { Form, SubmitButton } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormErrors } from '../../components/use-form-errors.ts';
import { navigate } from '../../router.tsx';
import { homeFor, useSignup, type AffiliateSignup } from '../../session.ts';
import { signupErrorOptions } from './signup-errors.ts';

const INPUTS = ['displayName', 'email', 'password'] as const;
const REQUIRED = ['email', 'password'] as const;
const errorOptions = signupErrorOptions(INPUTS);

export function AffiliateSignupForm() {
  const signup = useSignup();
  const errors = useFormErrors(signup, INPUTS, errorOptions);

  const submit = (data: FormData) => {
    if (!errors.validate(data, REQUIRED)) return;
    const displayName = String(data.get('displayName') ?? '').trim();
    const body: AffiliateSignup = { role: 'affiliate', email: String(data.get('email')).trim(), password: String(data.get('password')) };
    if (displayName) body.displayName = displayName;
    signup.mutate(body, { onSuccess: (session) => navigate(homeFor(session.user.role), { replace: true }) });
  };

  return (
    <Form onSubmit={submit} errorKey={errors.errorKey} label="Creator sign-up">
      <FormAlert message={errors.message} />
      <TextField label="Display name" name="displayName" autoComplete="nickname" hint="How merchants will see you." error={errors.fields.displayName} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required error={errors.fields.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        required
        error={errors.fields.password}
      />
      <SubmitButton pending={signup.isPending} pendingLabel="Creating account…">
        Create creator account
      </SubmitButton>
    </Form>
  );
}
