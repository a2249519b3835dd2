import { createHmac, randomUUID } from 'node:crypto';
import { InfluencemartError } from './errors.ts';
import type { CallOptions } from './operation-types.ts';
import { resources, type Resources } from './resources.ts';

export interface ClientOptions {
  baseUrl: string;
  /** pk_test_… or pk_live_… */
  publishableKey: string;
  /** sk_test_… or sk_live_…: signs requests, never sent. */
  signingSecret: string;
  /** Retries for network errors, 409 IDEMPOTENCY_IN_PROGRESS, 429 and 5xx (default 3). */
  maxRetries?: number;
  /**
   * The longest the client waits before a retry (default 30 s). When the server's Retry-After asks
   * for longer, the answer is returned instead of retrying early.
   */
  maxRetryDelayMs?: number;
  /** Lets tests sign with a skewed clock. */
  now?: () => number;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  /** A CSV file sent as the raw `text/csv` body instead of a JSON `body` (CSV imports); signed over its bytes. */
  csv?: string;
  /** For POST/PATCH; generated when omitted so retries of this call can never apply twice. `null` sends none. */
  idempotencyKey?: string | null;
  headers?: Record<string, string>;
  /** Set false to see the first answer as it is. */
  retry?: boolean;
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export function signatureFor(secret: string, timestamp: string, method: string, pathWithQuery: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${method}.${pathWithQuery}.${rawBody}`).digest('hex');
}

const RETRYABLE_STATUS = new Set([409, 429, 500, 502, 503, 504]);

// The typed resource methods (client.campaigns.create, client.orders.update, …) are generated.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface InfluencemartClient extends Resources {}

/** A client for the Influencemart merchant API: signs every request, retries safely, typed per operation. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class InfluencemartClient {
  /** Signatures sent lately, with their timestamp: the API accepts each signed write once. */
  private readonly recentSignatures = new Map<string, number>();

  constructor(private readonly options: ClientOptions) {
    Object.assign(this, resources(this.call));
  }

  /** One operation: answers its success body, or throws InfluencemartError with the error code. */
  call = async <Result>(method: RequestOptions['method'], path: string, options: CallOptions = {}): Promise<Result> => {
    const response = await this.request<Result>({
      method,
      path: path + queryString(options.query),
      body: options.body,
      csv: options.csv,
      idempotencyKey: options.idempotencyKey,
    });
    if (response.status >= 400) throw InfluencemartError.from(response);
    return response.body;
  };

  /** Every item of a paginated list, fetching page after page: `for await (const c of client.paginate((page) => client.campaigns.list({ page })))`. */
  async *paginate<Item>(listPage: (page: number) => Promise<{ data: Item[]; page: number; pageSize: number; total: number }>): AsyncGenerator<Item> {
    for (let page = 1; ; page++) {
      const answer = await listPage(page);
      yield* answer.data;
      if (answer.data.length === 0 || page * answer.pageSize >= answer.total) return;
    }
  }

  get livemode(): boolean {
    return this.options.publishableKey.startsWith('pk_live_');
  }

  get = <T = any>(path: string) => this.request<T>({ method: 'GET', path });
  post = <T = any>(path: string, body?: unknown, idempotencyKey?: string | null) => this.request<T>({ method: 'POST', path, body, idempotencyKey });
  patch = <T = any>(path: string, body?: unknown, idempotencyKey?: string | null) => this.request<T>({ method: 'PATCH', path, body, idempotencyKey });
  delete = <T = any>(path: string) => this.request<T>({ method: 'DELETE', path });

  async request<T = any>(request: RequestOptions): Promise<ApiResponse<T>> {
    const writes = request.method === 'POST' || request.method === 'PATCH';
    const idempotencyKey = request.idempotencyKey === null ? undefined : (request.idempotencyKey ?? (writes ? randomUUID() : undefined));
    // Without an idempotency key a write is not safe to repeat, so it is sent once.
    const retriable = request.retry !== false && (!writes || idempotencyKey !== undefined);
    const maxRetries = retriable ? (this.options.maxRetries ?? 3) : 0;
    const maxDelay = this.options.maxRetryDelayMs ?? 30_000;
    for (let attempt = 0; ; attempt++) {
      let response: ApiResponse<T>;
      try {
        // Each attempt is signed afresh (new timestamp); the idempotency key stays the same.
        response = await this.send<T>(request, idempotencyKey);
      } catch (error) {
        if (attempt >= maxRetries) throw error;
        await sleep(backoff(attempt));
        continue;
      }
      if (attempt >= maxRetries || !RETRYABLE_STATUS.has(response.status) || !this.isRetryable(response)) return response;
      const asked = retryAfterMs(response.headers.get('retry-after'), this.options.now?.() ?? Date.now());
      if (asked !== undefined && asked > maxDelay) return response;
      await sleep(Math.min(maxDelay, Math.max(asked ?? 0, backoff(attempt))));
    }
  }

  private isRetryable(response: ApiResponse): boolean {
    if (response.status !== 409) return true;
    // REQUEST_REPLAYED: another sender signed the very same request in the same second; signed
    // afresh, the retry meets the idempotency key instead.
    const code = (response.body as { error?: { code?: string } })?.error?.code;
    return code === 'IDEMPOTENCY_IN_PROGRESS' || code === 'REQUEST_REPLAYED';
  }

  /**
   * Sign with the current second, unless this same request was already signed with it (identical
   * writes, or a quick retry, within one second): then with the next unused second, so the server
   * never takes the second request for a replay of the first.
   */
  private sign(method: string, pathWithQuery: string, rawBody: string): { timestamp: string; signature: string } {
    const now = Math.floor((this.options.now?.() ?? Date.now()) / 1000);
    // Signing never goes back to a past second, so only signatures of this second or later matter.
    for (const [old, at] of this.recentSignatures) {
      if (at >= now) break;
      this.recentSignatures.delete(old);
    }
    for (let seconds = now; ; seconds++) {
      const timestamp = String(seconds);
      const signature = signatureFor(this.options.signingSecret, timestamp, method, pathWithQuery, rawBody);
      if (this.recentSignatures.has(signature)) continue;
      this.recentSignatures.set(signature, seconds);
      return { timestamp, signature };
    }
  }

  private async send<T>(request: RequestOptions, idempotencyKey: string | undefined): Promise<ApiResponse<T>> {
    const url = new URL(request.path, this.options.baseUrl);
    const rawBody = request.csv ?? (request.body === undefined ? '' : JSON.stringify(request.body));
    const { timestamp, signature } = this.sign(request.method, url.pathname + url.search, rawBody);
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.options.publishableKey}`,
      'x-timestamp': timestamp,
      'x-signature': signature,
      ...(rawBody ? { 'content-type': request.csv === undefined ? 'application/json' : 'text/csv' } : {}),
      ...(idempotencyKey ? { 'x-idempotency-key': idempotencyKey } : {}),
      ...request.headers,
    };
    const response = await (this.options.fetch ?? fetch)(url, { method: request.method, headers, body: rawBody || undefined });
    const text = await response.text();
    let body: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: body as T };
  }
}

function queryString(query: object | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== null) params.append(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Retry-After as delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

const backoff = (attempt: number) => Math.min(10_000, 100 * 2 ** attempt);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
