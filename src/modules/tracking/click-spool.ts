import { closeSync, fdatasync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../platform/config.ts';
import type { ClickRow } from './clicks.tables.ts';

/** A segment is closed and a new one begun once it holds this much. */
const SEGMENT_BYTES = 8 * 1024 * 1024;
/** How often written lines are forced to the disk itself (a killed process loses nothing either way). */
const SYNC_INTERVAL_MS = 1000;
const SEGMENT_NAME = /^((\d+)-(\d+))-(\d+)\.clicks$/;
/** Spools open in this process (one, except in tests): their files are never taken over. */
const openPrefixes = new Set<string>();
const usedPrefixes = new Set<string>();

interface Segment {
  file: string;
  fd: number | null;
  /** Clicks in this segment not yet stored (or set aside, or dropped). */
  unsettled: number;
  bytes: number;
}

/**
 * A local append-only file of every click before its redirect is answered, so a process killed
 * between the answer and the batch write loses no click: the next start stores what is left.
 *
 * Lines staged during one turn of the event loop are written together in one `write`, and the
 * redirects waiting on them are answered right after (`afterWrite`). The buffer settles clicks in
 * the order they were added (it writes its queue front first), so the spool only counts them.
 * Files are named `<pid>-<start>-<n>.clicks`; at start a process takes over the files of processes
 * that are no longer running (several processes may share the directory).
 */
export class ClickSpool {
  private readonly segments: Segment[] = [];
  private staged: string[] = [];
  private waiting: Array<() => void> = [];
  private scheduled = false;
  private sequence = 0;
  private readonly prefix: string;
  private syncTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly dir: string,
    private readonly log: FastifyBaseLogger,
  ) {
    mkdirSync(dir, { recursive: true });
    let started = Date.now();
    while (usedPrefixes.has(`${process.pid}-${started}`)) started += 1;
    this.prefix = `${process.pid}-${started}`;
    usedPrefixes.add(this.prefix);
    openPrefixes.add(this.prefix);
  }

  /**
   * Clicks left by processes that ended before storing them, oldest file first. Their files stay
   * (counted as the first segments) until the buffer has settled every one of them.
   */
  recover(): ClickRow[] {
    const files = readdirSync(this.dir)
      .map((name) => ({ name, match: SEGMENT_NAME.exec(name) }))
      .filter((entry) => entry.match !== null && !openPrefixes.has(entry.match[1]!) && !isRunning(Number(entry.match[2])))
      .sort((a, b) => Number(a.match![3]) - Number(b.match![3]) || Number(a.match![4]) - Number(b.match![4]));
    const rows: ClickRow[] = [];
    for (const { name } of files) {
      const file = path.join(this.dir, name);
      let unsettled = 0;
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (line === '') continue;
        try {
          rows.push(parseClick(line));
          unsettled += 1;
        } catch {
          // Only the last line of a file cut short by a machine crash can be torn.
          this.log.warn({ file: name }, 'an unreadable line in the click spool was skipped');
        }
      }
      this.segments.push({ file, fd: null, unsettled, bytes: 0 });
    }
    this.releaseSettled();
    this.syncTimer = setInterval(() => this.syncCurrent(), SYNC_INTERVAL_MS);
    this.syncTimer.unref();
    return rows;
  }

  /** Stage a click; it reaches the file at the end of this turn of the event loop. */
  append(click: ClickRow): void {
    this.staged.push(JSON.stringify(click));
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.writeStaged);
    }
  }

  /** Run `answer` once every click staged so far is in the file (at once when none is waiting). */
  afterWrite(answer: () => void): void {
    if (this.staged.length === 0) answer();
    else this.waiting.push(answer);
  }

  /** `count` more clicks, the oldest unsettled ones, are stored, set aside or dropped. */
  settled(count: number): void {
    for (const segment of this.segments) {
      if (count === 0) break;
      const taken = Math.min(count, segment.unsettled);
      segment.unsettled -= taken;
      count -= taken;
    }
    this.releaseSettled();
  }

  /** Write what is staged and close the file; a file whose clicks were all settled is removed. */
  close(): void {
    this.writeStaged();
    this.closed = true;
    openPrefixes.delete(this.prefix);
    if (this.syncTimer) clearInterval(this.syncTimer);
    for (const segment of this.segments) {
      if (segment.fd !== null) closeSync(segment.fd);
      segment.fd = null;
    }
    this.releaseSettled(true);
  }

  private readonly writeStaged = (): void => {
    this.scheduled = false;
    if (this.staged.length > 0) {
      const text = this.staged.join('\n') + '\n';
      const count = this.staged.length;
      this.staged = [];
      const segment = this.current(text.length);
      writeSync(segment.fd!, text);
      segment.bytes += Buffer.byteLength(text);
      segment.unsettled += count;
    }
    const waiting = this.waiting;
    this.waiting = [];
    for (const answer of waiting) answer();
  };

  private current(adding: number): Segment {
    const last = this.segments.at(-1);
    if (last && last.fd !== null && last.bytes + adding <= SEGMENT_BYTES) return last;
    if (last && last.fd !== null) {
      closeSync(last.fd);
      last.fd = null;
      this.releaseSettled();
    }
    if (this.closed) throw new Error('the click spool is closed');
    this.sequence += 1;
    const file = path.join(this.dir, `${this.prefix}-${this.sequence}.clicks`);
    const segment: Segment = { file, fd: openSync(file, 'a'), unsettled: 0, bytes: 0 };
    this.segments.push(segment);
    return segment;
  }

  /** Remove closed files whose clicks have all been settled (on close, the open one too). */
  private releaseSettled(closing = false): void {
    while (this.segments.length > 0) {
      const first = this.segments[0]!;
      if (first.unsettled > 0 || (first.fd !== null && !closing)) return;
      if (first.fd !== null) closeSync(first.fd);
      rmSync(first.file, { force: true }); // another process starting at once may have taken it over too
      this.segments.shift();
    }
  }

  private syncCurrent(): void {
    const fd = this.segments.at(-1)?.fd;
    if (fd != null) fdatasync(fd, () => undefined);
  }
}

/** `CLICK_SPOOL_DIR`, by default `click-spool` in the data directory; none for an in-memory database or `off`. */
export function clickSpoolDir(config: Pick<Config, 'clickSpoolDir' | 'dataDir'>): string | undefined {
  if (config.clickSpoolDir === 'off') return undefined;
  if (config.clickSpoolDir) return config.clickSpoolDir;
  if (config.dataDir === '' || config.dataDir.startsWith('memory://')) return undefined;
  return path.join(config.dataDir, 'click-spool');
}

function parseClick(line: string): ClickRow {
  const click = JSON.parse(line) as ClickRow & { clickedAt: string };
  if (typeof click.id !== 'string' || typeof click.clickedAt !== 'string') throw new Error('not a click');
  return { ...click, clickedAt: new Date(click.clickedAt) };
}

/** Our own pid is not: it is a previous process's (in a container every server is pid 1). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
