import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { resolveAffiliateId, resolveSessionUser } from '../../platform/auth/resolve-principal.ts';
import type { ModuleRegister } from '../../platform/module.ts';
import { PageQuery, Paginated } from '../../platform/http/pagination.ts';
import { formatMoney } from '../../platform/money.ts';
import { approvePayout, cancelPayout, rejectPayout } from './decide-payout.ts';
import { createPayoutBatch, createWeeklyBatches, exportPayoutBatch, getPayoutBatchOrThrow, listPayoutBatches, WEEKLY_BATCH_JOB } from './payout-batches.ts';
import { findPayoutView, listAffiliatePayouts, listPayoutsForAdmin, payoutQueueCounts } from './payout-view.ts';
import {
  AdminPayoutQuery,
  AdminPayoutSchema,
  BatchBody,
  BatchSchema,
  PayoutParams,
  PayoutRequestBody,
  PayoutSchema,
  ReasonBody,
  ReferenceBody,
} from './payouts.schemas.ts';
import type { PayoutBatchRow } from './payouts.tables.ts';
import { requestPayout } from './request-payout.ts';
import { markPayoutFailed, markPayoutPaid } from './settle-payout.ts';

const affiliateOf = resolveAffiliateId;
const adminOf = (request: FastifyRequest) => resolveSessionUser(request).userId;

const batchView = (b: PayoutBatchRow & { payoutIds: string[] }) => ({
  id: b.id,
  method: b.method,
  count: b.count,
  total: formatMoney(b.total, b.currency),
  currency: b.currency,
  createdAt: b.createdAt.toISOString(),
  payoutIds: b.payoutIds,
});

/** Payouts: affiliate requests, the admin's review queue, batches per rail and their settlement. */
export const registerPayouts: ModuleRegister = (app, { db, secrets, worker }) => {
  const affiliate = { principals: ['affiliateSession'] } as const;
  const admin = { principals: ['adminSession'] } as const;
  const emptyBody = async (request: FastifyRequest) => {
    request.body ??= {};
  };

  app.post(
    '/api/affiliate/payouts',
    {
      config: affiliate,
      preValidation: emptyBody,
      schema: {
        tags: ['affiliate'],
        summary: 'Withdraw your whole payable balance of one currency (422 PAYOUT_BELOW_MINIMUM, NO_PAYOUT_METHOD)',
        body: PayoutRequestBody,
        response: { 201: PayoutSchema },
      },
    },
    async (request, reply) => {
      const payout = await requestPayout(db, affiliateOf(request), request.body);
      return reply.code(201).send(await findPayoutView(db, payout.id));
    },
  );

  app.get(
    '/api/affiliate/payouts',
    {
      config: affiliate,
      schema: {
        tags: ['affiliate'],
        summary: 'Your payouts, newest first, with their state and reason',
        querystring: PageQuery,
        response: { 200: Paginated(PayoutSchema) },
      },
    },
    async (request) => listAffiliatePayouts(db, affiliateOf(request), request.query),
  );

  app.post(
    '/api/affiliate/payouts/:id/cancel',
    {
      config: affiliate,
      schema: {
        tags: ['affiliate'],
        summary: 'Cancel a payout while it is requested; the money returns to payable',
        params: PayoutParams,
        response: { 200: PayoutSchema },
      },
    },
    async (request) => findPayoutView(db, (await cancelPayout(db, affiliateOf(request), request.params.id)).id),
  );

  app.get(
    '/api/admin/payouts',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Payouts oldest first with the facts for a safety review (filter by status)',
        querystring: AdminPayoutQuery,
        response: { 200: Paginated(AdminPayoutSchema) },
      },
    },
    async (request) => listPayoutsForAdmin(db, request.query),
  );

  app.get(
    '/api/admin/payouts/counts',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'How many payouts wait for review, for a batch and for the rail',
        response: { 200: Type.Object({ requested: Type.Integer(), approved: Type.Integer(), processing: Type.Integer() }) },
      },
    },
    async () => payoutQueueCounts(db),
  );

  const decision = (
    verb: string,
    summary: string,
    body: typeof ReasonBody | typeof ReferenceBody | undefined,
    act: (id: string, body: any, adminUserId: string) => Promise<{ id: string }>,
  ) =>
    app.post(
      `/api/admin/payouts/:id/${verb}`,
      { config: admin, schema: { tags: ['admin'], summary, params: PayoutParams, ...(body ? { body } : {}), response: { 200: PayoutSchema } } },
      async (request) => findPayoutView(db, (await act(request.params.id, request.body, adminOf(request))).id),
    );
  decision('approve', 'Approve a requested payout after review', undefined, (id, _body, by) => approvePayout(db, id, by));
  decision('reject', 'Reject a requested or approved payout with a reason; the money returns to payable', ReasonBody, (id, body, by) =>
    rejectPayout(db, id, body.reason, by),
  );
  decision('paid', "Mark a processing payout paid with the rail's reference (unique); its commissions become PAID", ReferenceBody, (id, body, by) =>
    markPayoutPaid(db, id, body.reference, by),
  );
  decision('failed', 'Mark a processing payout failed with the reason; the money returns to payable', ReasonBody, (id, body, by) =>
    markPayoutFailed(db, id, body.reason, by),
  );

  app.post(
    '/api/admin/payout-batches',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Batch every approved payout of one method; they become processing (422 NOTHING_TO_PAY)',
        body: BatchBody,
        response: { 201: BatchSchema },
      },
    },
    async (request, reply) => reply.code(201).send(batchView(await createPayoutBatch(db, request.body.method, { adminUserId: adminOf(request) }))),
  );

  app.get(
    '/api/admin/payout-batches',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Payout batches, newest first',
        response: { 200: Type.Object({ data: Type.Array(Type.Omit(BatchSchema, ['payoutIds'])) }) },
      },
    },
    async () => ({ data: (await listPayoutBatches(db)).map((b) => batchView({ ...b, payoutIds: [] })) }),
  );

  app.get(
    '/api/admin/payout-batches/:id',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'A payout batch with its payouts and their states',
        params: PayoutParams,
        response: { 200: Type.Composite([BatchSchema, Type.Object({ payouts: Type.Array(Type.Object({ id: Type.String(), status: Type.String() })) })]) },
      },
    },
    async (request) => {
      const batch = await getPayoutBatchOrThrow(db, request.params.id);
      return { ...batchView({ ...batch, payoutIds: batch.payouts.map((p) => p.id) }), payouts: batch.payouts };
    },
  );

  app.get(
    '/api/admin/payout-batches/:id/export',
    {
      config: admin,
      schema: { tags: ['admin'], summary: "The rail's transfer file (CSV, full account fields; every download is audited)", params: PayoutParams },
    },
    async (request, reply) => {
      const file = await exportPayoutBatch(db, secrets, request.params.id, adminOf(request));
      return (
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          // Account numbers: never kept by a browser or proxy cache.
          .header('cache-control', 'no-store')
          .send(file.csv)
      );
    },
  );

  worker.register(WEEKLY_BATCH_JOB, async () => {
    await createWeeklyBatches(db);
  });
  // Mondays 06:00: the weekly payout run batches what the admins approved.
  worker.schedule({ name: 'weekly-payout-batches', cron: '0 0 6 * * 1', jobType: WEEKLY_BATCH_JOB });
};
