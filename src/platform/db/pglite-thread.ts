import { Worker } from 'node:worker_threads';

/**
 * PGlite runs PostgreSQL compiled to WebAssembly, synchronously, on the thread that calls it. On the
 * main thread every query would stall the event loop for as long as it runs (a batch of clicks for
 * 15–20 ms), so the redirect's latency would follow the database's. This runs PGlite on a worker thread
 * instead and gives the drizzle driver the part of PGlite's interface it uses: `query`, `exec` and
 * `transaction`. Queries still run one at a time inside PGlite, in the order they arrive, exactly as
 * on the main thread. See docs/decisions/0006-embedded-database-on-its-own-thread.md.
 */

interface QueryOptions {
  rowMode?: 'array' | 'object';
  /** Drizzle's parsers only ever keep some types as text; functions cannot cross threads, so the ids do. */
  parsers?: Record<number, (value: string) => unknown>;
}

interface Reply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: Record<string, unknown> & { message: string };
}

interface QueryResult<T> {
  rows: T[];
  affectedRows?: number;
  fields: { name: string; dataTypeID: number }[];
}

export interface PGliteQueries {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult<T>>;
  exec(sql: string): Promise<unknown[]>;
}

export class PGliteThread implements PGliteQueries {
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextId = 1;
  private failure: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: Reply) => this.settle(reply));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the database thread stopped (exit code ${code})`)));
  }

  /** Start PGlite on its own thread over `dataDir` (undefined keeps it in memory). */
  static create(dataDir: string | undefined): Promise<PGliteThread> {
    const worker = new Worker(new URL('./pglite-host.js', import.meta.url), { workerData: { dataDir } });
    return new Promise((resolve, reject) => {
      const onStartFailure = (error: Error) => reject(error);
      worker.once('error', onStartFailure);
      worker.once('message', (reply: Reply) => {
        worker.off('error', onStartFailure);
        if (!reply.ok) {
          void worker.terminate();
          return reject(toError(reply.error!));
        }
        const thread = new PGliteThread(worker);
        thread.worker.unref();
        resolve(thread);
      });
    });
  }

  query<T>(sql: string, params?: unknown[], options?: QueryOptions) {
    return this.queryIn<T>(undefined, sql, params, options);
  }

  exec(sql: string) {
    return this.execIn(undefined, sql);
  }

  /** Commits when `fn` resolves, rolls back when it throws; other queries wait meanwhile, as in PGlite. */
  async transaction<T>(fn: (tx: PGliteQueries) => Promise<T>): Promise<T> {
    const tx = (await this.send({ op: 'begin' })) as number;
    const inTx: PGliteQueries = {
      query: <R>(sql: string, params?: unknown[], options?: QueryOptions) => this.queryIn<R>(tx, sql, params, options),
      exec: (sql) => this.execIn(tx, sql),
    };
    let result: T;
    try {
      result = await fn(inTx);
    } catch (error) {
      await this.send({ op: 'end', tx, commit: false });
      throw error;
    }
    await this.send({ op: 'end', tx, commit: true });
    return result;
  }

  async close(): Promise<void> {
    if (this.failure) return;
    await this.send({ op: 'close' });
    this.failure = new Error('the database is closed');
    await this.worker.terminate();
  }

  /** A statement on its own (`tx` undefined) or inside the open transaction `tx`. */
  private queryIn<T>(tx: number | undefined, sql: string, params: unknown[] = [], options: QueryOptions = {}) {
    return this.send({ op: 'query', tx, sql, params, rowMode: options.rowMode, rawTypes: rawTypes(options.parsers) }) as Promise<QueryResult<T>>;
  }

  private execIn(tx: number | undefined, sql: string) {
    return this.send({ op: 'exec', tx, sql }) as Promise<unknown[]>;
  }

  private send(message: Record<string, unknown>): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    // A query in flight keeps the process alive, as an open socket would; an idle database does not.
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...message });
    });
  }

  private settle(reply: Reply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.ok) waiting.resolve(reply.result);
    else waiting.reject(toError(reply.error!));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

function rawTypes(parsers: QueryOptions['parsers']): number[] | undefined {
  return parsers ? Object.keys(parsers).map(Number) : undefined;
}

/** The database's error with its fields (code, detail, constraint…) back on this side of the thread. */
function toError(fields: Record<string, unknown> & { message: string }): Error {
  const { message, stack: _stack, ...rest } = fields;
  return Object.assign(new Error(message), rest);
}
