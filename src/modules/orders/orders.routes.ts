import type { ModuleRegister } from '../../platform/module.ts';
import { notFound } from '../../platform/errors.ts';
import { Paginated } from '../../platform/http/pagination.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { loadPlatformDefaults } from '../commissions/index.ts';
import { sendCsv, wantsCsv } from '../../platform/http/csv-export.ts';
import { applyOrderStatus } from './apply-order-status.ts';
import { ORDER_CSV_COLUMNS, orderCsvRecords } from './export-orders.ts';
import { listOrders } from './list-orders.ts';
import { findOrderDetail } from './order-view.ts';
import { OrderDetail, OrderListQuery, OrderParams, OrderSchema, OrderStatusBody } from './orders.schemas.ts';
import { resolveTenant, resolveTenantActor } from '../../platform/auth/resolve-principal.ts';

const orderNotFound = { NOT_FOUND: 'No order with this orderId in this mode.' } as const;

export const registerOrders: ModuleRegister = (app, { db, config }) => {
  const { holdDays } = loadPlatformDefaults(config);

  app.patch(
    '/api/v1/orders/:orderId',
    {
      config: { principals: ['merchantKey', 'merchantSession'], idempotent: true },
      schema: {
        tags: ['orders'],
        summary: 'Update an order status; its commission follows (delivered starts the hold, cancel/return/refund reverses it)',
        description:
          '`{ "status": "refunded", "refundAmount": "10.00" }` refunds part of the order (omit refundAmount to refund the rest); ' +
          'the commission shrinks in proportion. Impossible changes answer 409 INVALID_TRANSITION.',
        security: [{ apiKey: [] }],
        params: OrderParams,
        body: OrderStatusBody,
        response: {
          200: OrderDetail,
          ...errorResponses(orderNotFound, {
            INVALID_TRANSITION: {
              when: 'The order cannot move from its status to the one asked for (e.g. a cancelled order shipped, or a refunded order refunded again).',
              message: 'An order that is cancelled cannot become shipped',
              details: [
                { field: 'status', code: 'INVALID_TRANSITION', message: 'An order that is cancelled cannot become shipped', from: 'cancelled', to: 'shipped' },
              ],
            },
            REFUND_EXCEEDS_REMAINDER: '`refundAmount` is more than what is left to refund on the order.',
            UNPROCESSABLE: {
              when: '`refundAmount` with a status other than `refunded`, or a refund of zero.',
              message: 'refundAmount is only allowed with status "refunded"',
              details: [
                { field: 'status', code: 'UNPROCESSABLE', message: 'refundAmount is only allowed with status "refunded"', from: 'delivered', to: 'shipped' },
              ],
            },
            CONFLICT: "The order's commission changed while this request ran; retry it with the same X-Idempotency-Key.",
          }),
        },
      },
    },
    async (request) => applyOrderStatus(db, resolveTenantActor(request), request.params.orderId, request.body as OrderStatusBody, holdDays),
  );

  app.get(
    '/api/v1/orders/:orderId',
    {
      config: { principals: ['merchantKey', 'merchantSession'] },
      schema: {
        tags: ['orders'],
        summary: 'An order with its attribution, commission and status history',
        security: [{ apiKey: [] }],
        params: OrderParams,
        response: { 200: OrderDetail, ...errorResponses(orderNotFound) },
      },
    },
    async (request) => {
      const { merchantId, livemode } = resolveTenant(request);
      const order = await findOrderDetail(db, { merchantId, livemode }, request.params.orderId);
      if (!order) throw notFound('Order');
      return order;
    },
  );

  app.get(
    '/api/v1/orders',
    {
      config: { principals: ['merchantKey', 'merchantSession'] },
      schema: {
        tags: ['orders'],
        summary: 'Your orders in this mode, newest first; `format=csv` (or `Accept: text/csv`) downloads them all as CSV, one row per order',
        security: [{ apiKey: [] }],
        querystring: OrderListQuery,
        response: { 200: Paginated(OrderSchema) },
      },
    },
    async (request, reply) => {
      const { merchantId, livemode } = resolveTenant(request);
      const query = request.query as OrderListQuery;
      if (wantsCsv(request, query.format)) return sendCsv(reply, 'orders.csv', ORDER_CSV_COLUMNS, orderCsvRecords(db, { merchantId, livemode }, query));
      return listOrders(db, { merchantId, livemode }, query);
    },
  );
};
