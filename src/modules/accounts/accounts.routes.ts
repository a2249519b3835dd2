import { Type } from '@sinclair/typebox';
import { eq, sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { ModuleRegister } from '../../app.ts';
import { AppError } from '../../platform/errors.ts';
import { LoginBody, SessionResponse, SignupBody } from './accounts.schemas.ts';
import { users } from './accounts.tables.ts';
import { signUpAffiliate, signUpMerchant } from './accounts.service.ts';
import { decoyPasswordHash, verifyPassword } from './passwords.ts';
import { authenticateSession, createSession, deleteSession, findSession, SESSION_COOKIE, SESSION_DAYS } from './sessions.ts';

export const registerAccounts: ModuleRegister = (app, { db, config }) => {
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.config.auth === 'session') await authenticateSession(db, request);
  });

  const startSession = async (reply: FastifyReply, userId: string) => {
    const session = await createSession(db, userId);
    void reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.cookieSecure,
      maxAge: SESSION_DAYS * 86_400,
    });
    const principal = await findSession(db, session.token);
    if (!principal) throw new AppError('INTERNAL', 'Session vanished right after creation');
    return {
      user: { id: principal.userId, email: principal.email, role: principal.role, merchantId: principal.merchantId, affiliateId: principal.affiliateId },
      csrfToken: session.csrfToken,
    };
  };

  app.post(
    '/api/auth/signup',
    { schema: { tags: ['session'], summary: 'Create a merchant or affiliate account and sign in', body: SignupBody, response: { 201: SessionResponse } } },
    async (request, reply) => {
      const body = request.body;
      const { userId } =
        body.role === 'merchant'
          ? await signUpMerchant(db, body)
          : await signUpAffiliate(db, { email: body.email, password: body.password, displayName: body.displayName });
      return reply.status(201).send(await startSession(reply, userId));
    },
  );

  app.post('/api/auth/login', { schema: { tags: ['session'], summary: 'Sign in', body: LoginBody, response: { 200: SessionResponse } } }, async (request, reply) => {
    const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, request.body.email.toLowerCase()));
    const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), request.body.password);
    if (!user || !valid) throw new AppError('INVALID_CREDENTIALS', 'Email or password is wrong');
    return startSession(reply, user.id);
  });

  app.post(
    '/api/auth/logout',
    { config: { auth: 'session' }, schema: { tags: ['session'], summary: 'Sign out', response: { 204: Type.Null() } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(db, token);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { config: { auth: 'session' }, schema: { tags: ['session'], summary: 'The signed-in user', response: { 200: SessionResponse } } },
    async (request) => {
      const s = request.session!;
      return { user: { id: s.userId, email: s.email, role: s.role, merchantId: s.merchantId, affiliateId: s.affiliateId }, csrfToken: s.csrfToken };
    },
  );
};
