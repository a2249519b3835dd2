import { asApiError } from '../../api.ts';
import { useEmailSettings, useResendVerification } from './email-queries.ts';

/** Shown to a signed-in user whose address is not verified yet, with a way to get a new link. */
export function VerifyEmailNotice() {
  const settings = useEmailSettings();
  const resend = useResendVerification();
  if (!settings.data || settings.data.emailVerified) return null;
  return (
    <section className="notice notice--warn" aria-label="Confirm your email address">
      <p>
        <strong>Confirm your email address.</strong> We sent you a link when you signed up. Until you follow it, we send you no notifications.
      </p>
      {resend.isSuccess ? (
        <p role="status">A new link is on its way.</p>
      ) : (
        <button type="button" className="button" onClick={() => resend.mutate()} disabled={resend.isPending}>
          {resend.isPending ? 'Sending…' : 'Send the link again'}
        </button>
      )}
      {resend.isError && <p role="alert">{asApiError(resend.error).message}</p>}
    </section>
  );
}
