import { Form, SubmitButton } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormErrors } from '../../components/use-form-errors.ts';
import { isSafeRedirect, Link, navigate, useLocation } from '../../router.tsx';
import { homeFor, useLogin, type Role } from '../../session.ts';

const INPUTS = ['email', 'password'] as const;

/** Where to go after signing in: back to the page that asked for it, if that page is for this role. */
function destination(next: string | null, role: Role): string {
  if (isSafeRedirect(next) && (next === homeFor(role) || next.startsWith(`${homeFor(role)}/`) || next === '/campaigns')) return next;
  return homeFor(role);
}

export function LoginPage() {
  const login = useLogin();
  const { search } = useLocation();
  const next = search.get('next');
  const afterReset = search.get('reset') === '1';
  const errors = useFormErrors(login, INPUTS);

  const submit = (data: FormData) => {
    if (!errors.validate(data, INPUTS)) return;
    const credentials = { email: String(data.get('email')).trim(), password: String(data.get('password')) };
    login.mutate(credentials, { onSuccess: (session) => navigate(destination(next, session.user.role), { replace: true }) });
  };

  return (
    <div className="narrow">
      <PageHeader title="Log in">{next && <p className="page-intro">Log in to continue to that page.</p>}</PageHeader>
      <div className="card">
        <Form onSubmit={submit} errorKey={errors.errorKey} label="Log in">
          {afterReset && !errors.message && <FormAlert tone="success" message="Your password is changed. Log in with the new one." />}
          <FormAlert message={errors.message} />
          <TextField label="Email" name="email" type="email" autoComplete="email" required error={errors.fields.email} />
          <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={errors.fields.password} />
          <SubmitButton pending={login.isPending} pendingLabel="Logging in…">
            Log in
          </SubmitButton>
        </Form>
      </div>
      <p className="below-card">
        <Link to="/forgot-password">Forgot password?</Link>
      </p>
      <p className="below-card">
        New here? <Link to="/signup">Create an account</Link>
      </p>
    </div>
  );
}
