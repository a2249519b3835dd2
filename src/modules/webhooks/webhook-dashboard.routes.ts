import { Type } from '@sinclair/typebox';
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app.ts';
import type { Db } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { Paginated, PageQuery } from '../../platform/http/pagination.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import type { JobWorker } from '../../platform/jobs/worker.ts';
import type { Tenant } from '../campaigns/campaigns.repository.ts';
import { listWebhookDeliveries } from './list-webhook-deliveries.ts';
import { createEndpoint, deleteEndpoint, getEndpoint, listEndpoints, rotateEndpointSecret, updateEndpoint, type EndpointDeps } from './manage-webhook-endpoints.ts';
import { redeliverWebhook } from './redeliver-webhook.ts';
import { sendTestEvent } from './send-test-event.ts';
import { CreateEndpointBody, Delivery, DeliveryListQuery, DeliveryParams, Endpoint, EndpointParams, EndpointWithSecret, UpdateEndpointBody } from './webhooks.schemas.ts';
import { webhookEndpoints } from './webhooks.tables.ts';

const merchantSession = { auth: 'session', roles: ['merchant'] } as const;
const dashboard = { tags: ['merchant dashboard'] };
const ModeQuery = Type.Object({ livemode: Type.Boolean({ default: true, description: 'Live (true) or test (false) endpoints.' }) });

const merchantOf = (request: FastifyRequest) => request.session!.merchantId!;

/** The dashboard acts for the merchant in either mode; an endpoint's own row says which. */
async function tenantOfEndpoint(db: Db, merchantId: string, id: string): Promise<Tenant> {
  const [row] = await db
    .select({ livemode: webhookEndpoints.livemode })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.merchantId, merchantId), eq(webhookEndpoints.id, id)));
  if (!row) throw notFound('Webhook endpoint');
  return { merchantId, livemode: row.livemode };
}

/** The same endpoints and delivery log for the merchant dashboard (cookie session); the mode comes from the query or the endpoint. */
export function registerWebhookDashboard(app: App, deps: EndpointDeps, worker: JobWorker): void {
  const { db } = deps;
  const base = '/api/merchant/webhook-endpoints';
  const tenantOf = (request: FastifyRequest, id: string) => tenantOfEndpoint(db, merchantOf(request), id);

  app.get(
    base,
    { config: merchantSession, schema: { ...dashboard, summary: 'List webhook endpoints', querystring: Type.Composite([PageQuery, ModeQuery]), response: { 200: Paginated(Endpoint), ...errorResponses(400) } } },
    async (request) => listEndpoints(db, { merchantId: merchantOf(request), livemode: request.query.livemode }, request.query),
  );
  app.post(
    base,
    { config: merchantSession, schema: { ...dashboard, summary: 'Register a webhook endpoint', querystring: ModeQuery, body: CreateEndpointBody, response: { 201: EndpointWithSecret, ...errorResponses(400, 422) } } },
    async (request, reply) => reply.status(201).send(await createEndpoint(deps, { merchantId: merchantOf(request), livemode: request.query.livemode }, request.body)),
  );
  app.get(
    `${base}/:id`,
    { config: merchantSession, schema: { ...dashboard, summary: 'Get a webhook endpoint', params: EndpointParams, response: { 200: Endpoint, ...errorResponses(404) } } },
    async (request) => getEndpoint(db, await tenantOf(request, request.params.id), request.params.id),
  );
  app.patch(
    `${base}/:id`,
    { config: merchantSession, schema: { ...dashboard, summary: 'Change or disable/enable a webhook endpoint', params: EndpointParams, body: UpdateEndpointBody, response: { 200: Endpoint, ...errorResponses(400, 404) } } },
    async (request) => updateEndpoint(deps, await tenantOf(request, request.params.id), request.params.id, request.body),
  );
  app.delete(
    `${base}/:id`,
    { config: merchantSession, schema: { ...dashboard, summary: 'Delete a webhook endpoint', params: EndpointParams, response: { 204: Type.Null(), ...errorResponses(404) } } },
    async (request, reply) => {
      await deleteEndpoint(db, await tenantOf(request, request.params.id), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    `${base}/:id/rotate-secret`,
    { config: merchantSession, schema: { ...dashboard, summary: 'Rotate a webhook signing secret', params: EndpointParams, response: { 200: EndpointWithSecret, ...errorResponses(404) } } },
    async (request) => rotateEndpointSecret(deps, await tenantOf(request, request.params.id), request.params.id),
  );
  app.post(
    `${base}/:id/test`,
    { config: merchantSession, schema: { ...dashboard, summary: 'Send a test.ping event', params: EndpointParams, response: { 202: Delivery, ...errorResponses(404, 409) } } },
    async (request, reply) => {
      const delivery = await sendTestEvent(db, await tenantOf(request, request.params.id), request.params.id);
      worker.poke();
      return reply.status(202).send(delivery);
    },
  );
  app.get(
    `${base}/:id/deliveries`,
    { config: merchantSession, schema: { ...dashboard, summary: 'The delivery log with every attempt', params: EndpointParams, querystring: DeliveryListQuery, response: { 200: Paginated(Delivery), ...errorResponses(400, 404) } } },
    async (request) => listWebhookDeliveries(db, await tenantOf(request, request.params.id), request.params.id, request.query),
  );
  app.post(
    `${base}/:id/deliveries/:deliveryId/redeliver`,
    { config: merchantSession, schema: { ...dashboard, summary: 'Redeliver a delivery’s event', params: DeliveryParams, response: { 202: Delivery, ...errorResponses(404, 409) } } },
    async (request, reply) => {
      const delivery = await redeliverWebhook(db, await tenantOf(request, request.params.id), request.params.id, request.params.deliveryId);
      worker.poke();
      return reply.status(202).send(delivery);
    },
  );
}
