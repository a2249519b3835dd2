import { Type } from '@sinclair/typebox';
import type { ModuleRegister } from '../../platform/module.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { mintSandboxClick } from './mint-sandbox-click.ts';
import { resolveTenant } from '../../platform/auth/resolve-principal.ts';

const SandboxClickBody = Type.Object(
  {
    campaignId: Type.String({ format: 'uuid' }),
    productId: Type.Optional(Type.String({ format: 'uuid' })),
    clickedAt: Type.Optional(Type.String({ format: 'date-time', description: 'Replay an older click; now when omitted' })),
  },
  { additionalProperties: false },
);

const SandboxClickResponse = Type.Object({
  clickId: Type.String(),
  linkId: Type.String(),
  affiliateRef: Type.String(),
  campaignId: Type.String(),
  productId: Type.Union([Type.String(), Type.Null()]),
  clickedAt: Type.String({ format: 'date-time' }),
  attributable: Type.Boolean(),
  livemode: Type.Literal(false),
});

export const registerSandbox: ModuleRegister = (app, { db }) => {
  app.post(
    '/api/v1/sandbox/clicks',
    {
      config: { principals: ['merchantKey', 'merchantSession'], idempotent: true },
      schema: {
        tags: ['sandbox'],
        summary: 'Test keys only: mint a test click on a campaign or product, then report a conversion with its clickId',
        security: [{ apiKey: [] }],
        body: SandboxClickBody,
        response: {
          201: SandboxClickResponse,
          ...errorResponses({
            TEST_MODE_ONLY: 'Called with a live key: the sandbox takes test keys only.',
            NOT_FOUND: { when: 'No test-mode campaign (or product of it) with this id.', message: 'Test-mode campaign not found' },
          }),
        },
      },
    },
    async (request, reply) => reply.status(201).send(await mintSandboxClick(db, resolveTenant(request), request.body)),
  );
};
