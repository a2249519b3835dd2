import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyContextConfig, FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Platform } from './platform.ts';

/** What every module registers its routes on. */
export type App = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

/**
 * Answers a request straight from node:http, ahead of Fastify's routing and hooks, and returns true;
 * returns false to leave the request to Fastify. Only for a hot path measured to need it (the
 * redirect, see docs/decisions/redirect-front-door.md); it must do its own error handling.
 */
export type FrontDoor = (request: IncomingMessage, response: ServerResponse) => boolean;

export interface ModuleDeps extends Platform {
  /** Work to finish on shutdown, after the server stops taking requests and before the database closes. */
  onShutdown(hook: () => Promise<void>): void;
  /** Serve some requests before Fastify sees them (see FrontDoor). */
  frontDoor(handler: FrontDoor): void;
}

/** A module's one entry point: it registers its routes, hooks, jobs and shutdown work. */
export type ModuleRegister = (app: App, deps: ModuleDeps) => Promise<void> | void;

/** One registered route, as tests that must cover every module's routes see it. */
export interface RouteSummary {
  method: string;
  url: string;
  config: FastifyContextConfig;
  schema: { body?: unknown; querystring?: unknown; params?: unknown; response?: unknown; hide?: boolean; tags?: string[] } | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: readonly RouteSummary[];
  }
}
