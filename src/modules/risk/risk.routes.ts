import { Type } from '@sinclair/typebox';
import type { ModuleRegister } from '../../platform/module.ts';
import { PageQuery, Paginated } from '../../platform/http/pagination.ts';
import { Money } from '../../platform/http/schemas.ts';
import { commissionView } from '../commissions/index.ts';
import { CommissionSchema } from '../commissions/index.ts';
import { listRiskReviews } from './list-risk-reviews.ts';
import { createSightingRecorder } from './record-affiliate-sighting.ts';
import { approveRiskReview, rejectRiskReview } from './review-commission.ts';
import { resolveSessionUser, resolveTenant } from '../../platform/auth/resolve-principal.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { findOrderRiskOrThrow } from './find-order-risk.ts';

const RiskReview = Type.Object({
  commissionId: Type.String(),
  orderId: Type.String(),
  merchantId: Type.String(),
  merchantName: Type.String(),
  affiliateRef: Type.String(),
  livemode: Type.Boolean(),
  status: Type.String(),
  amount: Money(),
  currency: Type.String(),
  holdUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  holdEnded: Type.Boolean(),
  risk: Type.Object({ score: Type.Integer(), reasons: Type.Array(Type.String()), signals: Type.Record(Type.String(), Type.Unknown()) }),
  createdAt: Type.String({ format: 'date-time' }),
});

const OrderRisk = Type.Object({
  orderId: Type.String(),
  score: Type.Integer({ minimum: 0, maximum: 100 }),
  reasons: Type.Array(Type.String(), { description: 'CLICK_TO_ORDER_TOO_SHORT, MANY_ORDERS_ON_CLICK, SELF_REFERRAL, AMOUNT_OUTLIER' }),
  threshold: Type.Integer({ description: 'A score at or above it waits for an admin decision' }),
  reviewRequired: Type.Boolean(),
  assessedAt: Type.String({ format: 'date-time' }),
});

const ReviewParams = Type.Object({ commissionId: Type.String({ minLength: 1, maxLength: 64 }) });

export const registerRisk: ModuleRegister = (app, { db, secrets }) => {
  const recordSighting = createSightingRecorder(db, secrets);
  // The affiliate's own dashboard use, for the self-referral check. Written before the answer (at
  // most once per address every few minutes), so a conversion right after already sees it; a
  // failure here never fails the request.
  app.addHook('preHandler', async (request) => {
    const session = request.session;
    if (session?.role !== 'affiliate' || !session.affiliateId) return;
    await recordSighting(session.affiliateId, request.clientAddress).catch((error: unknown) =>
      request.log.warn({ err: error }, 'could not record affiliate sighting'),
    );
  });

  app.get(
    '/api/v1/orders/:orderId/risk',
    {
      config: { principals: ['merchantKey', 'merchantSession'] },
      schema: {
        tags: ['orders'],
        summary: 'The risk check of an attributed order: score, reasons and the review threshold (404 for an unattributed order)',
        security: [{ apiKey: [] }],
        params: Type.Object({ orderId: Type.String({ minLength: 1, maxLength: 255 }) }),
        response: {
          200: OrderRisk,
          ...errorResponses({
            NOT_FOUND: {
              when: 'No order with this orderId in this mode, or the order was not attributed (so it has no risk check).',
              message: 'Risk assessment of this order not found',
            },
          }),
        },
      },
    },
    async (request) => findOrderRiskOrThrow(db, resolveTenant(request), request.params.orderId),
  );

  app.get(
    '/api/admin/risk-reviews',
    {
      config: { principals: ['adminSession'] },
      schema: {
        tags: ['admin'],
        summary: 'Commissions flagged by risk scoring, waiting for a decision (live mode unless livemode=false)',
        querystring: Type.Composite([PageQuery, Type.Object({ livemode: Type.Boolean({ default: true }) })]),
        response: { 200: Paginated(RiskReview) },
      },
    },
    async (request) => listRiskReviews(db, request.query),
  );

  app.post(
    '/api/admin/risk-reviews/:commissionId/approve',
    {
      config: { principals: ['adminSession'] },
      schema: {
        tags: ['admin'],
        summary: 'Clear a flagged commission (approved now if its hold has ended)',
        params: ReviewParams,
        response: { 200: CommissionSchema },
      },
    },
    async (request) => commissionView(await approveRiskReview(db, request.params.commissionId, resolveSessionUser(request).userId)),
  );

  app.post(
    '/api/admin/risk-reviews/:commissionId/reject',
    {
      config: { principals: ['adminSession'] },
      // The note is optional, so is the body: an empty POST is validated as `{}`.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags: ['admin'],
        summary: 'Reject a flagged commission',
        params: ReviewParams,
        body: Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
        response: { 200: CommissionSchema },
      },
    },
    async (request) => commissionView(await rejectRiskReview(db, request.params.commissionId, resolveSessionUser(request).userId, request.body.note)),
  );
};
