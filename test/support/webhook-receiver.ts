import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
  /** What this request was answered with. */
  answeredWith: number | 'no answer';
}

export interface Answer {
  status?: number;
  body?: string;
  /** Wait this long before answering (longer than the timeout makes the attempt time out). */
  delayMs?: number;
}

/**
 * A real webhook receiver on 127.0.0.1. Each path answers from its script in turn (then 200 with
 * "ok" once the script is used up), and every request is recorded with its exact body.
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  private readonly scripts = new Map<string, Answer[]>();
  private readonly fallbacks = new Map<string, (request: Received) => Answer>();
  private server!: http.Server;
  private counter = 0;
  base = '';

  async start(): Promise<this> {
    this.server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const entry: Received = {
          path: request.url ?? '/',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          at: Date.now(),
          answeredWith: 'no answer',
        };
        this.received.push(entry);
        const answer = this.scripts.get(entry.path)?.shift() ?? this.fallbacks.get(entry.path)?.(entry) ?? {};
        const send = () => {
          if (response.destroyed) return;
          entry.answeredWith = answer.status ?? 200;
          response.writeHead(answer.status ?? 200, { 'content-type': 'text/plain' }).end(answer.body ?? 'ok');
        };
        if (answer.delayMs) setTimeout(send, answer.delayMs);
        else send();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** A fresh path on this receiver, answering `script` in order, then `fallback` (or 200). */
  route(script: Answer[] = [], fallback?: (request: Received) => Answer): { path: string; url: string } {
    const path = `/hook-${++this.counter}`;
    this.scripts.set(path, [...script]);
    if (fallback) this.fallbacks.set(path, fallback);
    return { path, url: `${this.base}${path}` };
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  /** Resolves once `path` has received `count` requests (and answered the last one). */
  async waitFor(path: string, count: number, timeoutMs = 20_000): Promise<Received[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const got = this.at(path);
      if (got.length >= count && got[count - 1]!.answeredWith !== 'no answer') return got;
      if (Date.now() > deadline) throw new Error(`${path} received ${got.length} of ${count} requests within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
