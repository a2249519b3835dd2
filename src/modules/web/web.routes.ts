import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { ModuleRegister } from '../../platform/module.ts';
import { BUILD_MISSING_PAGE, INDEX_HEADERS, isServerPath, cacheControlFor } from './web-paths.ts';

/** Where `npm run build` writes the dashboard. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/**
 * Serve the dashboard SPA from a built directory: hashed assets with a long cache, `index.html`
 * with `no-cache`, and `index.html` for every other GET path that belongs to the client router.
 * The asset routes are fixed when the server starts, so a rebuild needs a restart.
 */
export function createWebRegister(distDir: string): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    const built = existsSync(path.join(distDir, 'index.html'));
    // An encapsulated scope: the reply decorator of this static server stays out of the API docs' one.
    await app.register(async (scope) => {
      if (built) {
        await scope.register(fastifyStatic, {
          root: distDir,
          prefix: '/',
          // One route per built file, so unknown paths fall through to the client-route handler below.
          wildcard: false,
          index: false,
          globIgnore: ['index.html'],
          cacheControl: false,
          setHeaders: (reply, filePath) => void reply.header('Cache-Control', cacheControlFor(path.relative(distDir, filePath))),
        });
      }

      const serveClientRoute = async (request: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => {
        const pathname = request.url.split('?')[0] ?? '/';
        if (isServerPath(pathname)) return reply.callNotFound();
        if (!built) return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(BUILD_MISSING_PAGE);
        return reply.headers(INDEX_HEADERS).sendFile('index.html', distDir, { cacheControl: false });
      };
      scope.get('/', { schema: { hide: true } }, serveClientRoute);
      scope.get('/*', { schema: { hide: true } }, serveClientRoute);
    });
  };
}

/** Registered last in the module list: every API route wins over the client-route fallback. */
export const registerWeb: ModuleRegister = async (app) => {
  await createWebRegister(DEFAULT_WEB_DIST)(app);
};
