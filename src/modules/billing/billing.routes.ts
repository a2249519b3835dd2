import { Type } from '@sinclair/typebox';
import { resolveMerchantId, resolveSessionUser, resolveTenant } from '../../platform/auth/resolve-principal.ts';
import type { ModuleRegister } from '../../platform/module.ts';
import { notFound } from '../../platform/errors.ts';
import { Paginated } from '../../platform/http/pagination.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import {
  AdminStatementListQuery,
  IssueStatementBody,
  PaymentBody,
  StatementDetailSchema,
  StatementFormatQuery,
  StatementListQuery,
  StatementParams,
  StatementSchema,
} from './billing.schemas.ts';
import { issueDueStatements, ISSUE_STATEMENTS_JOB } from './issue-due-statements.ts';
import { issueStatementNow } from './issue-statement.ts';
import { recordStatementPayment } from './record-statement-payment.ts';
import { getStatementOrThrow, listStatements, statementCsv, statementView, type StatementScope } from './statement-view.ts';

/** Billing: statements per merchant, currency and period, and the merchant's payments against them. */
export const registerBilling: ModuleRegister = (app, { db, worker }) => {
  /** One detail route per prefix, answering JSON or, with `format=csv`, the lines as CSV. */
  const detail = (
    url: string,
    config: import('fastify').FastifyContextConfig,
    tags: string[],
    scopeOf: (request: import('fastify').FastifyRequest) => StatementScope,
    security?: Array<Record<string, string[]>>,
  ) =>
    app.get(
      url,
      {
        config,
        schema: {
          tags,
          summary: 'A statement with its lines (commissions, fee, credits) and payments; `format=csv` for the lines as CSV',
          ...(security ? { security } : {}),
          params: StatementParams,
          querystring: StatementFormatQuery,
          response: {
            200: StatementDetailSchema,
            ...errorResponses({ NOT_FOUND: 'No statement with this id (statements are live money: a test key has none).' }),
          },
        },
      },
      async (request, reply) => {
        const statement = await getStatementOrThrow(db, scopeOf(request), request.params.id);
        if (request.query.format !== 'csv') return statement;
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="statement-${statement.number}-${statement.currency}.csv"`)
          .serializer((body: string) => body)
          .send(statementCsv(statement) as never);
      },
    );

  // Merchant API: statements are live money, so a test key sees none.
  app.get(
    '/api/v1/statements',
    {
      config: { principals: ['merchantKey', 'merchantSession'] },
      schema: {
        tags: ['statements'],
        summary: 'Your statements, newest first (live mode only)',
        security: [{ apiKey: [] }],
        querystring: StatementListQuery,
        response: { 200: Paginated(StatementSchema) },
      },
    },
    async (request) => {
      const { merchantId, livemode } = resolveTenant(request);
      if (!livemode) return { data: [], page: request.query.page ?? 1, pageSize: request.query.pageSize ?? 50, total: 0 };
      return listStatements(db, { merchantId }, request.query);
    },
  );
  detail(
    '/api/v1/statements/:id',
    { principals: ['merchantKey', 'merchantSession'] },
    ['statements'],
    (request) => {
      const { merchantId, livemode } = resolveTenant(request);
      if (!livemode) throw notFound('Statement');
      return { merchantId };
    },
    [{ apiKey: [] }],
  );

  // Merchant dashboard.
  app.get(
    '/api/merchant/statements',
    {
      config: { principals: ['merchantSession'] },
      schema: { tags: ['merchant'], summary: 'Your statements, newest first', querystring: StatementListQuery, response: { 200: Paginated(StatementSchema) } },
    },
    async (request) => listStatements(db, { merchantId: resolveMerchantId(request) }, request.query),
  );
  detail('/api/merchant/statements/:id', { principals: ['merchantSession'] }, ['merchant'], (request) => ({ merchantId: resolveMerchantId(request) }));

  // Admin.
  app.get(
    '/api/admin/statements',
    {
      config: { principals: ['adminSession'] },
      schema: {
        tags: ['admin'],
        summary: 'Every statement, newest first',
        querystring: AdminStatementListQuery,
        response: { 200: Paginated(StatementSchema) },
      },
    },
    async (request) => listStatements(db, { admin: true }, request.query),
  );
  detail('/api/admin/statements/:id', { principals: ['adminSession'] }, ['admin'], () => ({ admin: true }));

  app.post(
    '/api/admin/merchants/:merchantId/statements',
    {
      config: { principals: ['adminSession'] },
      // The currency is optional, so is the body: an empty POST is validated as `{}`.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags: ['admin'],
        summary: "Issue the merchant's statement now (422 NOTHING_TO_BILL when there is nothing on it)",
        params: Type.Object({ merchantId: Type.String({ minLength: 1, maxLength: 64 }) }),
        body: IssueStatementBody,
        response: { 201: StatementSchema },
      },
    },
    async (request, reply) => {
      const statement = await issueStatementNow(db, {
        merchantId: request.params.merchantId,
        currency: request.body.currency,
        adminUserId: resolveSessionUser(request).userId,
      });
      return reply.code(201).send(statementView(statement));
    },
  );

  app.post(
    '/api/admin/statements/:id/payments',
    {
      config: { principals: ['adminSession'] },
      schema: {
        tags: ['admin'],
        summary: "Record the merchant's payment (paid in full settles its commissions: they become payable)",
        params: StatementParams,
        body: PaymentBody,
        response: { 200: StatementSchema },
      },
    },
    async (request) => statementView(await recordStatementPayment(db, request.params.id, request.body, resolveSessionUser(request).userId)),
  );

  worker.register(ISSUE_STATEMENTS_JOB, async () => {
    await issueDueStatements(db);
  });
  // Hourly: a period that has just ended is billed within the hour.
  worker.schedule({ name: 'issue-statements', cron: '0 7 * * * *', jobType: ISSUE_STATEMENTS_JOB });
};
