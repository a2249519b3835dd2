import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './api-types.generated.ts';

/**
 * The dashboard's client for the session API: typed by the server's own session API document
 * (web/src/api-types.generated.ts, `npm run generate:web-types`), same-origin fetch with the session
 * cookie, the CSRF token on every write, `X-Mode` for merchant routes shared with the signed API,
 * and the server's `{ error: { code, message, details } }` turned into an `ApiError` whose field
 * errors a form can show next to its inputs.
 *
 *   const campaigns = await call(api.forMode('test').GET('/api/v1/campaigns', { params: { query: { pageSize: 100 } } }));
 */

export interface ErrorDetail {
  field?: string;
  code?: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];

  constructor(status: number, code: string, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /**
   * The server has no such route: the feature is not part of this installation (yet). The server's
   * not-found handler says "No route for …"; a missing record on a real route says what is missing.
   */
  get isMissingEndpoint(): boolean {
    return this.status === 404 && this.message.startsWith('No route for');
  }
}

const FORMAT_MESSAGES: Record<string, string> = {
  email: 'must be a valid email address',
  uri: 'must be a full web address such as https://shop.example.com',
  'date-time': 'must be a date and time',
};

/** The server speaks in validator terms ("must NOT have fewer than 10 characters"); people read this. */
export function readableMessage(detail: ErrorDetail): string {
  const format = /^must match format "(.+)"$/.exec(detail.message)?.[1];
  if (format && FORMAT_MESSAGES[format]) return FORMAT_MESSAGES[format];
  const fewer = /^must NOT have fewer than (\d+) characters$/.exec(detail.message);
  if (fewer) return fewer[1] === '1' ? 'is required' : `must be at least ${fewer[1]} characters long`;
  const more = /^must NOT have more than (\d+) characters$/.exec(detail.message);
  if (more) return `must be at most ${more[1]} characters long`;
  return detail.message;
}

/** openapi-fetch typed by the session API document: `api.GET('/api/auth/me')`, wrapped in `call(...)`. */
export interface ApiClient extends Client<paths> {
  /** The same client acting on test or live data (merchant routes shared with the signed API read `X-Mode`). */
  forMode(mode: DataMode): ApiClient;
}

export type DataMode = 'test' | 'live';

export interface ApiClientOptions {
  /** The CSRF token of the current session, read at request time. */
  csrfToken(): string | undefined;
  baseUrl?: string;
  /** Sent as `X-Mode`; the server reads live data when it is absent. */
  mode?: DataMode;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

export function createApiClient(options: ApiClientOptions): ApiClient {
  const typed = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(options.mode ? { 'x-mode': options.mode } : {}) },
  });
  typed.use({
    onRequest({ request }) {
      const token = options.csrfToken();
      if (token && !SAFE_METHODS.has(request.method)) request.headers.set('x-csrf-token', token);
      return request;
    },
  });
  return Object.assign(typed, { forMode: (mode: DataMode) => createApiClient({ ...options, mode }) });
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The body of a successful answer, or an ApiError: `await call(api.GET('/api/auth/me'))`. The
 * server's `{ error: { code, message, details } }` becomes an ApiError a form can show by field.
 */
export async function call<T>(request: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await request;
  } catch {
    throw new ApiError(0, 'NETWORK', 'Could not reach the server. Check your connection and try again.');
  }
  const { data, error, response } = answer;
  if (response.ok) return data as T;
  throw errorOf(response, typeof error === 'string' ? parseJson(error) : error);
}

function errorOf(response: Response, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (error && typeof error.code === 'string') {
    const details = Array.isArray(error.details) ? (error.details as ErrorDetail[]) : [];
    return new ApiError(response.status, error.code, typeof error.message === 'string' ? error.message : error.code, details);
  }
  return new ApiError(response.status, `HTTP_${response.status}`, `The server answered ${response.status} ${response.statusText}`.trim());
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;
type SuccessOf<R> = R extends { 200: infer A } ? A : R extends { 201: infer A } ? A : R extends { 202: infer A } ? A : never;

/** The JSON a route answers with on success: `ResponseOf<'/api/auth/me', 'get'>`. */
export type ResponseOf<P extends keyof paths, M extends Method> = paths[P] extends { [K in M]: { responses: infer R } } ? JsonOf<SuccessOf<R>> : never;

/** One item of a list route's `data`: `ItemOf<'/api/affiliate/links', 'get'>`. */
export type ItemOf<P extends keyof paths, M extends Method> = ResponseOf<P, M> extends { data: Array<infer I> } ? I : never;

/** The JSON body a route takes: `BodyOf<'/api/auth/login', 'post'>`. */
export type BodyOf<P extends keyof paths, M extends Method> = paths[P] extends { [K in M]: { requestBody?: { content: { 'application/json': infer B } } } }
  ? B
  : never;

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const asApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError(0, 'CLIENT', error instanceof Error ? error.message : 'Something went wrong');
