import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendCsv, wantsCsv } from '../../platform/http/csv-export.ts';
import { COMMISSION_CSV_COLUMNS, commissionCsvRecords } from './export-commissions.ts';
import type { ModuleRegister } from '../../platform/module.ts';
import { Paginated } from '../../platform/http/pagination.ts';
import { CommissionListQuery, CommissionSchema } from './commissions.schemas.ts';
import { listCommissions } from './list-commissions.ts';
import { matureHeldCommissions, MATURE_JOB } from './mature-held-commissions.ts';
import { resolveAffiliateId, resolveTenant } from '../../platform/auth/resolve-principal.ts';

export const registerCommissions: ModuleRegister = (app, { db, worker }) => {
  /** The page as JSON, or every matching commission as CSV. */
  const answer = (request: FastifyRequest, reply: FastifyReply, scope: Parameters<typeof listCommissions>[1]) => {
    const query = request.query as CommissionListQuery;
    if (wantsCsv(request, query.format)) return sendCsv(reply, 'commissions.csv', COMMISSION_CSV_COLUMNS, commissionCsvRecords(db, scope, query));
    return listCommissions(db, scope, query);
  };

  app.get(
    '/api/v1/commissions',
    {
      config: { principals: ['merchantKey', 'merchantSession'] },
      schema: {
        tags: ['commissions'],
        summary:
          'Commissions on your orders in this mode (filters: status, affiliateId, orderId, from/to on creation time); `format=csv` (or `Accept: text/csv`) downloads them all as CSV',
        security: [{ apiKey: [] }],
        querystring: CommissionListQuery,
        response: { 200: Paginated(CommissionSchema) },
      },
    },
    async (request, reply) => {
      const { merchantId, livemode } = resolveTenant(request);
      return answer(request, reply, { merchantId, livemode });
    },
  );

  app.get(
    '/api/affiliate/commissions',
    {
      config: { principals: ['affiliateSession'] },
      schema: {
        tags: ['affiliate'],
        summary: 'Your live commissions with their states; `holdUntil` is when a held one can become payable; `format=csv` downloads them all as CSV',
        querystring: CommissionListQuery,
        response: { 200: Paginated(CommissionSchema) },
      },
    },
    async (request, reply) => answer(request, reply, { affiliateId: resolveAffiliateId(request) }),
  );

  worker.register(MATURE_JOB, async () => {
    const result = await matureHeldCommissions(db);
    if (result.approved > 0 || result.waitingForReview > 0) app.log.info(result, 'held commissions matured');
  });
  worker.schedule({ name: 'mature-held-commissions', cron: '0 * * * * *', jobType: MATURE_JOB });
};
