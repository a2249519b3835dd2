import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** OpenAPI 3.1 generated from the route schemas, at /api/v1/openapi.json, and a readable page at /docs. */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    // Shared schemas (app.addSchema) appear under their own $id, e.g. #/components/schemas/Campaign.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Influencemart API',
        version: '1.0.0',
        description:
          'Merchant API: every /api/v1 request is signed. Send `Authorization: Bearer <pk_…>`, `X-Timestamp` (unix seconds) and ' +
          '`X-Signature` = lowercase hex HMAC-SHA256 of `<timestamp>.<METHOD>.<path with query>.<raw body>` keyed by your signing secret (`sk_…`). ' +
          'Money is always a decimal string in major units. Errors are `{ "error": { "code", "message", "details" } }`.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'Publishable key pk_test_… or pk_live_…; requests must also be signed.' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
  app.get('/api/v1/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
}
