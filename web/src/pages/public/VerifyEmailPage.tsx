import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { asApiError, call } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { Loading } from '../../components/QueryState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Link, useLocation } from '../../router.tsx';
import { useSession } from '../../session.ts';
import { EMAIL_SETTINGS_KEY, type EmailSettings } from '../account/email-queries.ts';

/** The page the verification email links to: it confirms the address as soon as it opens. */
export function VerifyEmailPage() {
  const api = useApi();
  const queryClient = useQueryClient();
  const session = useSession();
  const token = useLocation().search.get('token') ?? '';
  const verify = useMutation({
    mutationFn: () => call(api.POST('/api/auth/verify-email', { body: { token } })),
    onSuccess: () => {
      // Known at once, so the dashboard does not show the notice again while the settings reload.
      queryClient.setQueryData<EmailSettings>(EMAIL_SETTINGS_KEY, (settings) => settings && { ...settings, emailVerified: true });
      return queryClient.invalidateQueries({ queryKey: EMAIL_SETTINGS_KEY });
    },
  });
  const { mutate } = verify;
  useEffect(() => {
    if (token) mutate();
  }, [token, mutate]);

  const home = session.data ? `/${session.data.user.role}` : '/login';
  return (
    <div className="narrow">
      <PageHeader title="Confirm your email address" />
      <div className="card">
        {!token && <FormAlert message="This page needs the link from your verification email." />}
        {verify.isPending && <Loading what="your confirmation" />}
        {verify.isSuccess && <FormAlert tone="success" message={`Thank you: ${verify.data.email} is confirmed.`} />}
        {verify.isError && <FormAlert message={asApiError(verify.error).message} />}
        <p>
          <Link to={home}>{session.data ? 'Go to your dashboard' : 'Log in'}</Link>
        </p>
      </div>
    </div>
  );
}
