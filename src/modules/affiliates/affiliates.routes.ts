import { Type } from '@sinclair/typebox';
import type { ModuleRegister } from '../../platform/module.ts';
import { PayoutMethod, PayoutMethodBody, PayoutMethodList, Profile, ProfilePatchBody } from './affiliates.schemas.ts';
import { addPayoutMethod, listPayoutMethods, removePayoutMethod, setDefaultPayoutMethod } from './payout-methods.service.ts';
import { getProfile, updateProfile } from './update-profile.ts';
import { resolveAffiliateId, resolveSessionUser } from '../../platform/auth/resolve-principal.ts';
import type { FastifyRequest } from 'fastify';

const affiliateOnly = { principals: ['affiliateSession'] } as const;
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const signedInAffiliate = (request: FastifyRequest) => ({ affiliateId: resolveAffiliateId(request), email: resolveSessionUser(request).email });

/** The affiliate's own profile and payout methods (dashboard session). */
export const registerAffiliates: ModuleRegister = (app, { db, secrets }) => {
  app.get(
    '/api/affiliate/profile',
    { config: affiliateOnly, schema: { tags: ['affiliate'], summary: 'Your profile', response: { 200: Profile } } },
    async (request) => getProfile(db, signedInAffiliate(request)),
  );

  app.patch(
    '/api/affiliate/profile',
    {
      config: affiliateOnly,
      schema: {
        tags: ['affiliate'],
        summary: 'Change your display name, channels, website or social handles',
        body: ProfilePatchBody,
        response: { 200: Profile },
      },
    },
    async (request) => updateProfile(db, signedInAffiliate(request), request.body),
  );

  app.get(
    '/api/affiliate/payout-methods',
    { config: affiliateOnly, schema: { tags: ['affiliate'], summary: 'Your payout methods (accounts masked)', response: { 200: PayoutMethodList } } },
    async (request) => ({ data: await listPayoutMethods(db, resolveAffiliateId(request)) }),
  );

  app.post(
    '/api/affiliate/payout-methods',
    {
      config: affiliateOnly,
      schema: {
        tags: ['affiliate'],
        summary: 'Add a bank account, eSewa, Khalti, IME Pay or ConnectIPS payout method',
        body: PayoutMethodBody,
        response: { 201: PayoutMethod },
      },
    },
    async (request, reply) => reply.status(201).send(await addPayoutMethod(db, secrets, resolveAffiliateId(request), request.body)),
  );

  app.post(
    '/api/affiliate/payout-methods/:id/default',
    {
      config: affiliateOnly,
      schema: { tags: ['affiliate'], summary: 'Make this your default payout method', params: IdParams, response: { 200: PayoutMethod } },
    },
    async (request) => setDefaultPayoutMethod(db, resolveAffiliateId(request), request.params.id),
  );

  app.delete(
    '/api/affiliate/payout-methods/:id',
    { config: affiliateOnly, schema: { tags: ['affiliate'], summary: 'Remove a payout method', params: IdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await removePayoutMethod(db, resolveAffiliateId(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
