import { BODY_LIMIT } from '../../platform/http/body-limits.ts';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleRegister } from '../../platform/module.ts';
import { authenticationFor, SESSION_COOKIE } from '../../platform/auth/route-principals.ts';
import { resolveSessionUser } from '../../platform/auth/resolve-principal.ts';
import { AppError } from '../../platform/errors.ts';
import type { Executor } from '../../platform/db/client.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { purgeAccountTokens } from './account-tokens.ts';
import { ForgotPasswordBody, LoginBody, ResetPasswordBody, SessionResponse, SignupBody, VerifyEmailBody } from './accounts.schemas.ts';
import { resendVerificationEmail, sendVerificationEmail, verifyEmail } from './email-verification.ts';
import { requestPasswordReset, resetPassword } from './password-reset.ts';
import { signUpAffiliate, signUpMerchant } from './accounts.service.ts';
import { logIn } from './log-in.ts';
import { purgeLoginThrottles } from './login-throttle.ts';
import { authenticateSession, createSession, deleteSession, findSession, purgeExpiredSessions } from './sessions.ts';

const anySession = ['merchantSession', 'affiliateSession', 'adminSession'] as const;

export const registerAccounts: ModuleRegister = (app, { db, config, secrets, worker }) => {
  app.addHook('preValidation', async (request) => {
    if (authenticationFor(request) === 'session') await authenticateSession(db, request);
  });

  // Secure cookies when configured, and whenever the request reached us over HTTPS (directly or
  // through a trusted proxy's X-Forwarded-Proto).
  const cookieOptions = (request: FastifyRequest) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.cookieSecure || request.protocol === 'https',
  });

  // Links in emails point at the public address, or at the address this request came to.
  const baseUrl = (request: FastifyRequest) => (config.publicBaseUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');

  const startSession = async (request: FastifyRequest, reply: FastifyReply, userId: string) => {
    // A new sign-in never reuses a session token the browser already had (session fixation).
    const previous = request.cookies[SESSION_COOKIE];
    if (previous) await deleteSession(db, previous);
    const session = await createSession(db, userId, config.sessionTtlHours);
    void reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions(request), maxAge: config.sessionTtlHours * 3600 });
    const principal = await findSession(db, session.token);
    if (!principal) throw new AppError('INTERNAL', 'Session vanished right after creation');
    return {
      user: { id: principal.userId, email: principal.email, role: principal.role, merchantId: principal.merchantId, affiliateId: principal.affiliateId },
      csrfToken: session.csrfToken,
    };
  };

  app.post(
    '/api/auth/signup',
    {
      bodyLimit: BODY_LIMIT.auth,
      schema: { tags: ['session'], summary: 'Create a merchant or affiliate account and sign in', body: SignupBody, response: { 201: SessionResponse } },
    },
    async (request, reply) => {
      const body = request.body;
      const link = baseUrl(request);
      const verification = { sendVerification: (tx: Executor, userId: string) => sendVerificationEmail(tx, { secrets, config }, userId, link) };
      const { userId } =
        body.role === 'merchant'
          ? await signUpMerchant(db, body, verification)
          : await signUpAffiliate(db, { email: body.email, password: body.password, displayName: body.displayName }, verification);
      return reply.status(201).send(await startSession(request, reply, userId));
    },
  );

  app.post(
    '/api/auth/login',
    {
      bodyLimit: BODY_LIMIT.auth,
      schema: {
        tags: ['session'],
        summary: 'Sign in (throttled per email and per client address: too many failures answer 429 with Retry-After)',
        body: LoginBody,
        response: { 200: SessionResponse },
      },
    },
    async (request, reply) => {
      const { userId } = await logIn({ db, secrets, config }, { email: request.body.email, password: request.body.password, ip: request.clientAddress });
      return startSession(request, reply, userId);
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { principals: anySession }, schema: { tags: ['session'], summary: 'Sign out', response: { 204: Type.Null() } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(db, token);
      void reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { config: { principals: anySession }, schema: { tags: ['session'], summary: 'The signed-in user', response: { 200: SessionResponse } } },
    async (request) => {
      const s = resolveSessionUser(request);
      return { user: { id: s.userId, email: s.email, role: s.role, merchantId: s.merchantId, affiliateId: s.affiliateId }, csrfToken: s.csrfToken };
    },
  );

  app.post(
    '/api/auth/forgot-password',
    {
      schema: {
        tags: ['session'],
        summary: 'Email a password reset link. The answer is the same whether or not the account exists; too many requests per address or client answer 429',
        body: ForgotPasswordBody,
        response: { 202: Type.Object({ message: Type.String() }), ...errorResponses(400, 'TOO_MANY_ATTEMPTS') },
      },
    },
    async (request, reply) => {
      await requestPasswordReset({ db, secrets, config }, { email: request.body.email, ip: request.clientAddress, baseUrl: baseUrl(request) });
      return reply.status(202).send({ message: 'If an account uses this address, a reset link is on its way.' });
    },
  );

  app.post(
    '/api/auth/reset-password',
    {
      schema: {
        tags: ['session'],
        summary: 'Set a new password with the token from a reset email; the token works once and every session of the account ends',
        body: ResetPasswordBody,
        response: { 204: Type.Null(), ...errorResponses(400, 'INVALID_TOKEN') },
      },
    },
    async (request, reply) => {
      await resetPassword(db, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/verify-email',
    {
      schema: {
        tags: ['session'],
        summary: 'Confirm an email address with the token from the verification email',
        body: VerifyEmailBody,
        response: { 200: Type.Object({ email: Type.String() }), ...errorResponses(400, 'INVALID_TOKEN') },
      },
    },
    async (request) => verifyEmail(db, request.body.token),
  );

  app.post(
    '/api/auth/verification-email',
    {
      config: { principals: anySession },
      schema: {
        tags: ['session'],
        summary: 'Send a new verification link to the signed-in user (none when the address is verified already)',
        response: { 202: Type.Object({ alreadyVerified: Type.Boolean() }), ...errorResponses('TOO_MANY_ATTEMPTS') },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await resendVerificationEmail(db, { secrets, config }, resolveSessionUser(request).userId, baseUrl(request))),
  );

  worker.register('accounts.purge', async () => {
    await purgeExpiredSessions(db);
    await purgeAccountTokens(db);
    await purgeLoginThrottles(db, Math.max(config.loginFailureWindowSeconds, config.loginLockoutMaxSeconds));
  });
  worker.schedule({ name: 'accounts-purge', cron: '0 41 * * * *', jobType: 'accounts.purge' });
};
