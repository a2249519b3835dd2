import { useMutation } from '@tanstack/react-query';
import { call } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { Form, SubmitButton } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormErrors } from '../../components/use-form-errors.ts';
import { Link } from '../../router.tsx';

const INPUTS = ['email'] as const;

export function ForgotPasswordPage() {
  const api = useApi();
  const request = useMutation({ mutationFn: (email: string) => call(api.POST('/api/auth/forgot-password', { body: { email } })) });
  const errors = useFormErrors(request, INPUTS);

  const submit = (data: FormData) => {
    if (!errors.validate(data, INPUTS)) return;
    request.mutate(String(data.get('email')).trim());
  };

  return (
    <div className="narrow">
      <PageHeader title="Reset your password">
        <p className="page-intro">Enter the email address of your account and we will send you a link to choose a new password.</p>
      </PageHeader>
      <div className="card">
        {request.isSuccess ? (
          <FormAlert tone="success" message={`${request.data.message} Check your inbox; the link works for a limited time.`} />
        ) : (
          <Form onSubmit={submit} errorKey={errors.errorKey} label="Reset your password">
            <FormAlert message={errors.message} />
            <TextField label="Email" name="email" type="email" autoComplete="email" required error={errors.fields.email} />
            <SubmitButton pending={request.isPending} pendingLabel="Sending…">
              Send reset link
            </SubmitButton>
          </Form>
        )}
      </div>
      <p className="below-card">
        Remembered it? <Link to="/login">Log in</Link>
      </p>
    </div>
  );
}
