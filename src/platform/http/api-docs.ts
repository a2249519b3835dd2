import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { readFileSync } from 'node:fs';
import type { FastifyRequest } from 'fastify';
import { authenticationFor } from '../auth/route-principals.ts';
import type { App } from '../module.ts';
import { merchantApiDocument, merchantErrorCodesByRoute, sessionApiDocument } from './api-documents.ts';

/** Where the server serves the session API document for the dashboard's generated client types (not linked anywhere). */
export const SESSION_OPENAPI_PATH = '/api/session/openapi.json';

const TRY_IT_SCRIPT = readFileSync(new URL('./docs-try-it.browser.js', import.meta.url), 'utf8');
const TRY_IT_STYLE = readFileSync(new URL('./docs-try-it.css', import.meta.url), 'utf8');

/**
 * Swagger UI's config is written into its page as source text (functions by their toString), so
 * the interceptor is given as that text: it hands each request to the signer in try-it.js.
 */
const signInTheBrowser = Object.assign(<T>(request: T) => request, { toString: () => 'function (request) { return window.influencemartSign(request); }' });

/** A signed call answered with an error code its operation in the merchant API document does not list. */
export interface UndocumentedError {
  method: string;
  url: string;
  status: number;
  code: string;
}

export interface ApiDocsOptions {
  /** Told of every undocumented error answered (default: a warning in the log), so the reference cannot silently fall behind. */
  onUndocumentedError?: (error: UndocumentedError, request: FastifyRequest) => void;
}

const warnInLog: NonNullable<ApiDocsOptions['onUndocumentedError']> = (error, request) =>
  request.log.warn({ undocumentedError: error }, 'answered an error code the merchant API reference does not list for this operation');

/** The `code` of an error body as sent, if it is one. */
function errorCodeOf(payload: unknown): string | undefined {
  if (typeof payload !== 'string' || !payload.startsWith('{"error"')) return undefined;
  try {
    const code = (JSON.parse(payload) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * OpenAPI 3.1 generated from the route schemas, cut into two documents: the merchant API at
 * /api/v1/openapi.json with a readable page at /docs, and the session API for the web client.
 */
export async function registerApiDocs(app: App, options: ApiDocsOptions = {}): Promise<void> {
  await app.register(swagger, {
    // Shared schemas (app.addSchema) appear under their own $id, e.g. #/components/schemas/Campaign.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Influencemart API', version: '1.0.0' },
      components: {
        securitySchemes: {
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'Publishable key pk_test_… or pk_live_…; every request is also signed (see the description).',
          },
        },
      },
    },
  });
  // Routes are all registered by the time anyone asks; each document is cut once.
  let merchant: ReturnType<typeof merchantApiDocument> | undefined;
  let session: ReturnType<typeof sessionApiDocument> | undefined;
  const merchantDocument = () => (merchant ??= merchantApiDocument(app.swagger() as never, app.routeTable));
  const sessionDocument = () => (session ??= sessionApiDocument(app.swagger() as never, app.routeTable));

  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true, requestInterceptor: signInTheBrowser },
    theme: {
      title: 'Influencemart merchant API',
      js: [{ filename: 'try-it.js', content: TRY_IT_SCRIPT }],
      css: [{ filename: 'try-it.css', content: TRY_IT_STYLE }],
    },
    transformSpecification: () => merchantDocument(),
    transformSpecificationClone: false,
  });

  // Each signed error answer is checked against the codes its operation documents (what the merchant document is built from).
  let documented: Map<string, Set<string>> | undefined;
  const onUndocumented = options.onUndocumentedError ?? warnInLog;
  app.addHook('onSend', async (request, reply, payload) => {
    const url = request.routeOptions.url;
    if (reply.statusCode < 400 || url === undefined || request.method === 'HEAD' || authenticationFor(request) !== 'merchantKey') return payload;
    const code = errorCodeOf(payload);
    documented ??= merchantErrorCodesByRoute(app.routeTable);
    const codes = documented.get(`${request.method} ${url}`);
    if (code !== undefined && codes !== undefined && !codes.has(code)) onUndocumented({ method: request.method, url, status: reply.statusCode, code }, request);
    return payload;
  });
  app.get('/api/v1/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => merchantDocument());
  app.get(SESSION_OPENAPI_PATH, { schema: { hide: true } }, async () => sessionDocument());
}
