import type { ModuleRegister } from '../../platform/module.ts';
import { Paginated } from '../../platform/http/pagination.ts';
import { CommissionListQuery, CommissionSchema } from './commissions.schemas.ts';
import { listCommissions } from './list-commissions.ts';
import { matureHeldCommissions, MATURE_JOB } from './mature-held-commissions.ts';
import { resolveAffiliateId, resolveTenant } from '../../platform/auth/resolve-principal.ts';

export const registerCommissions: ModuleRegister = (app, { db, worker }) => {
  app.get(
    '/api/v1/commissions',
    {
      config: { principals: ['merchantKey', 'merchantSession'] },
      schema: {
        tags: ['commissions'],
        summary: 'Commissions on your orders in this mode (filters: status, affiliateId, orderId, from/to on creation time)',
        security: [{ apiKey: [] }],
        querystring: CommissionListQuery,
        response: { 200: Paginated(CommissionSchema) },
      },
    },
    async (request) => {
      const { merchantId, livemode } = resolveTenant(request);
      return listCommissions(db, { merchantId, livemode }, request.query as CommissionListQuery);
    },
  );

  app.get(
    '/api/affiliate/commissions',
    {
      config: { principals: ['affiliateSession'] },
      schema: {
        tags: ['affiliate'],
        summary: 'Your live commissions with their states; `holdUntil` is when a held one can become payable',
        querystring: CommissionListQuery,
        response: { 200: Paginated(CommissionSchema) },
      },
    },
    async (request) => {
      return listCommissions(db, { affiliateId: resolveAffiliateId(request) }, request.query as CommissionListQuery);
    },
  );

  worker.register(MATURE_JOB, async () => {
    const result = await matureHeldCommissions(db);
    if (result.approved > 0 || result.waitingForReview > 0) app.log.info(result, 'held commissions matured');
  });
  worker.schedule({ name: 'mature-held-commissions', cron: '0 * * * * *', jobType: MATURE_JOB });
};
