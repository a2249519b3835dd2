import { useMutation } from '@tanstack/react-query';
import { call } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { Form, SubmitButton } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormErrors } from '../../components/use-form-errors.ts';
import { Link, navigate, useLocation } from '../../router.tsx';

const INPUTS = ['password', 'confirm'] as const;

/** The page the reset email links to: `?token=…` from the email, a new password, then log in. */
export function ResetPasswordPage() {
  const api = useApi();
  const token = useLocation().search.get('token') ?? '';
  const reset = useMutation({ mutationFn: (password: string) => call(api.POST('/api/auth/reset-password', { body: { token, password } })) });
  const errors = useFormErrors(reset, INPUTS);

  const submit = (data: FormData) => {
    const same = (d: FormData): Record<string, string> => (d.get('password') === d.get('confirm') ? {} : { confirm: 'must match the new password' });
    if (!errors.validate(data, INPUTS, same)) return;
    reset.mutate(String(data.get('password')), { onSuccess: () => navigate('/login?reset=1', { replace: true }) });
  };

  return (
    <div className="narrow">
      <PageHeader title="Choose a new password">
        <p className="page-intro">Setting a new password signs you out everywhere.</p>
      </PageHeader>
      <div className="card">
        {token ? (
          <Form onSubmit={submit} errorKey={errors.errorKey} label="Choose a new password">
            <FormAlert message={errors.message} />
            <TextField
              label="New password"
              name="password"
              type="password"
              autoComplete="new-password"
              required
              hint="At least 10 characters."
              error={errors.fields.password}
            />
            <TextField label="New password again" name="confirm" type="password" autoComplete="new-password" required error={errors.fields.confirm} />
            <SubmitButton pending={reset.isPending} pendingLabel="Saving…">
              Set new password
            </SubmitButton>
          </Form>
        ) : (
          <FormAlert message="This page needs the link from your reset email." />
        )}
      </div>
      <p className="below-card">
        Link expired? <Link to="/forgot-password">Ask for a new one</Link>
      </p>
    </div>
  );
}
