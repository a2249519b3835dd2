import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { apiRequestLog } from './request-log.tables.ts';

export type RequestLogEntry = typeof apiRequestLog.$inferInsert;

export interface RequestLogWriterOptions {
  flushIntervalMs: number;
  batchSize: number;
}

/**
 * Buffers request log rows and writes them in batches, off the request path: a request only pushes
 * onto an array. Batches are written one after another; a batch that fails is dropped with a
 * warning (the log is for debugging, never worth failing or slowing API calls over).
 */
export class RequestLogWriter {
  private buffer: RequestLogEntry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly maxBuffered: number;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly options: RequestLogWriterOptions,
  ) {
    // If the database stalls, keep a bounded backlog rather than growing without limit.
    this.maxBuffered = Math.max(1, options.batchSize) * 20;
  }

  add(entry: RequestLogEntry): void {
    if (this.buffer.length >= this.maxBuffered) this.buffer.shift();
    this.buffer.push(entry);
    if (this.buffer.length >= this.options.batchSize) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.options.flushIntervalMs);
      this.timer.unref();
    }
  }

  /** Write everything buffered so far; resolves when it is in the database. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const rows = this.buffer;
    this.buffer = [];
    if (rows.length > 0) {
      this.writing = this.writing.then(async () => {
        try {
          await this.db.insert(apiRequestLog).values(rows);
        } catch (error) {
          this.log.warn({ err: error, rows: rows.length }, 'request log batch dropped');
        }
      });
    }
    return this.writing;
  }
}
