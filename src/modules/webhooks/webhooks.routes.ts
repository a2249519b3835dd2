import { Type } from '@sinclair/typebox';
import type { ModuleRegister } from '../../platform/module.ts';
import { onDomainEvent } from '../../platform/events/record-event.ts';
import { Paginated, PageQuery } from '../../platform/http/pagination.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { deliverWebhook, type DeliveryRuntime } from './deliver-webhook.ts';
import { fanOutDomainEvent } from './fan-out-event.ts';
import { InFlightDeliveries } from './in-flight-deliveries.ts';
import { listOrderDeliveries } from './list-order-deliveries.ts';
import { listWebhookDeliveries } from './list-webhook-deliveries.ts';
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listEndpoints,
  rotateEndpointSecret,
  updateEndpoint,
  type EndpointDeps,
} from './manage-webhook-endpoints.ts';
import { redeliverWebhook } from './redeliver-webhook.ts';
import { sendTestEvent } from './send-test-event.ts';
import { DELIVER_JOB, type DeliverJobPayload } from './webhooks.repository.ts';
import {
  CreateEndpointBody,
  Delivery,
  DeliveryListQuery,
  OrderDeliveries,
  OrderDeliveriesParams,
  DeliveryParams,
  Endpoint,
  EndpointParams,
  EndpointWithSecret,
  UpdateEndpointBody,
} from './webhooks.schemas.ts';
import { resolveTenant } from '../../platform/auth/resolve-principal.ts';

const signed = { tags: ['webhooks'], security: [{ apiKey: [] }] };
const merchant = { principals: ['merchantKey', 'merchantSession'] } as const;
const notFound = { NOT_FOUND: 'No webhook endpoint with this id in this mode.' } as const;
const disabled = { WEBHOOK_ENDPOINT_DISABLED: 'The endpoint is disabled; enable it with PATCH `{ "disabled": false }` first.' } as const;

/** Webhooks (SPEC §4): endpoints per merchant and mode, fan-out of domain events, signed delivery with retries. */
export const registerWebhooks: ModuleRegister = (app, deps) => {
  const { db, secrets, config, worker, onShutdown, clock } = deps;
  const endpointDeps: EndpointDeps = { db, secrets, allowPrivate: config.outboundAllowPrivate, secretGraceSeconds: config.webhookSecretGraceSeconds };
  const runtime: DeliveryRuntime = {
    db,
    secrets,
    log: app.log,
    inFlight: new InFlightDeliveries(),
    clock,
    settings: {
      retryScheduleSeconds: config.webhookRetryScheduleSeconds,
      circuitFailures: config.webhookCircuitFailures,
      circuitCooldownSeconds: config.webhookCircuitCooldownSeconds,
      timeoutMs: config.webhookTimeoutMs,
      allowPrivate: config.outboundAllowPrivate,
    },
  };

  onDomainEvent(fanOutDomainEvent);
  worker.register(DELIVER_JOB, (job) => deliverWebhook(runtime, job.payload as DeliverJobPayload));
  // Runs before the worker stops: attempts on the wire are cut short and put back as due.
  onShutdown(async () => runtime.inFlight.close());

  app.post(
    '/api/v1/webhook-endpoints',
    {
      config: merchant,
      schema: {
        ...signed,
        summary: 'Register a webhook endpoint for this mode; the answer carries its signing secret, shown only here and on rotation',
        description: 'Not idempotent: replaying the answer would mean storing the secret in the clear. List endpoints before retrying a failed create.',
        body: CreateEndpointBody,
        response: {
          201: EndpointWithSecret,
          ...errorResponses(
            {
              VALIDATION_FAILED: {
                when: 'A field is invalid, e.g. `url` not https or pointing to a private address, or an unknown event type.',
                message: 'url: must be https',
                details: [{ field: 'url', code: 'URL_NOT_ALLOWED', message: 'must be https' }],
              },
            },
            'WEBHOOK_ENDPOINT_LIMIT',
          ),
        },
      },
    },
    async (request, reply) => reply.status(201).send(await createEndpoint(endpointDeps, resolveTenant(request), request.body)),
  );

  app.get(
    '/api/v1/webhook-endpoints',
    {
      config: merchant,
      schema: {
        ...signed,
        summary: 'List your webhook endpoints in this mode',
        querystring: PageQuery,
        response: { 200: Paginated(Endpoint), ...errorResponses(400) },
      },
    },
    async (request) => listEndpoints(db, resolveTenant(request), request.query),
  );

  app.get(
    '/api/v1/webhook-endpoints/:id',
    {
      config: merchant,
      schema: { ...signed, summary: 'Get a webhook endpoint', params: EndpointParams, response: { 200: Endpoint, ...errorResponses(notFound) } },
    },
    async (request) => getEndpoint(db, resolveTenant(request), request.params.id),
  );

  app.patch(
    '/api/v1/webhook-endpoints/:id',
    {
      config: merchant,
      schema: {
        ...signed,
        summary: 'Change the URL, events or description, or disable/enable the endpoint',
        params: EndpointParams,
        body: UpdateEndpointBody,
        response: { 200: Endpoint, ...errorResponses(400, notFound) },
      },
    },
    async (request) => updateEndpoint(endpointDeps, resolveTenant(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/webhook-endpoints/:id',
    {
      config: merchant,
      schema: {
        ...signed,
        summary: 'Delete a webhook endpoint and its delivery log',
        params: EndpointParams,
        response: { 204: Type.Null(), ...errorResponses(notFound) },
      },
    },
    async (request, reply) => {
      await deleteEndpoint(db, resolveTenant(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/webhook-endpoints/:id/rotate-secret',
    {
      config: merchant,
      schema: {
        ...signed,
        summary: 'Issue a new signing secret; the old one keeps signing beside it for the grace period',
        params: EndpointParams,
        response: { 200: EndpointWithSecret, ...errorResponses(notFound) },
      },
    },
    async (request) => rotateEndpointSecret(endpointDeps, resolveTenant(request), request.params.id),
  );

  app.post(
    '/api/v1/webhook-endpoints/:id/test',
    {
      config: merchant,
      schema: {
        ...signed,
        summary: 'Send a test.ping event to this endpoint only; answers with the queued delivery',
        params: EndpointParams,
        response: { 202: Delivery, ...errorResponses(notFound, disabled) },
      },
    },
    async (request, reply) => {
      const delivery = await sendTestEvent(db, resolveTenant(request), request.params.id);
      worker.poke();
      return reply.status(202).send(delivery);
    },
  );

  app.get(
    '/api/v1/webhook-endpoints/:id/deliveries',
    {
      config: merchant,
      schema: {
        ...signed,
        summary: 'The delivery log, newest first: every delivery with each attempt (time, status or error, latency, response excerpt)',
        params: EndpointParams,
        querystring: DeliveryListQuery,
        response: { 200: Paginated(Delivery), ...errorResponses(400, notFound) },
      },
    },
    async (request) => listWebhookDeliveries(db, resolveTenant(request), request.params.id, request.query),
  );

  app.post(
    '/api/v1/webhook-endpoints/:id/deliveries/:deliveryId/redeliver',
    {
      config: merchant,
      schema: {
        ...signed,
        summary: 'Send a delivery’s event again, as a new delivery with the same event id',
        params: DeliveryParams,
        response: {
          202: Delivery,
          ...errorResponses({ NOT_FOUND: 'No webhook endpoint with this id in this mode, or no delivery with this id to it.' }, disabled),
        },
      },
    },
    async (request, reply) => {
      const delivery = await redeliverWebhook(db, resolveTenant(request), request.params.id, request.params.deliveryId);
      worker.poke();
      return reply.status(202).send(delivery);
    },
  );

  app.get(
    '/api/merchant/orders/:orderId/webhook-deliveries',
    {
      config: { principals: ['merchantSession'] },
      schema: {
        tags: ['merchant'],
        summary: 'The webhook deliveries of the conversion event an order raised, oldest first, and how many endpoints this mode has',
        params: OrderDeliveriesParams,
        response: { 200: OrderDeliveries, ...errorResponses(404) },
      },
    },
    async (request) => listOrderDeliveries(db, resolveTenant(request), request.params.orderId),
  );
};
