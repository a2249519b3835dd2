import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { newId } from '../ids.ts';
import { domainEvents } from './events.tables.ts';

export interface NewDomainEvent {
  type: string;
  merchantId: string | null;
  livemode: boolean;
  data: Record<string, unknown>;
}

export type EventListener = (executor: Executor, event: NewDomainEvent & { id: string; createdAt: Date }) => Promise<void>;

const listeners: EventListener[] = [];

/**
 * Listeners run inside the recording transaction (e.g. webhooks create their delivery rows there),
 * so an event and everything that follows from it commit or roll back together.
 */
export function onDomainEvent(listener: EventListener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}

/**
 * When an event happens: the statement time (not the transaction start), and at least a microsecond
 * after the merchant's previous event in that mode, so events recorded one after another (a
 * commission's pending then hold, in one transaction) sort by createdAt even on a clock with
 * millisecond resolution (the embedded database's). Served by domain_events_merchant_idx.
 */
const eventTime = (event: NewDomainEvent) =>
  event.merchantId === null
    ? sql`clock_timestamp()`
    : sql`greatest(clock_timestamp(), (select max(${domainEvents.createdAt}) + interval '1 microsecond' from ${domainEvents}
        where ${domainEvents.merchantId} = ${event.merchantId} and ${domainEvents.livemode} = ${event.livemode}))`;

/** Record a domain event with the caller's executor, normally the transaction making the change. */
export async function recordEvent(executor: Executor, event: NewDomainEvent): Promise<string> {
  const [row] = await executor
    .insert(domainEvents)
    .values({ id: newId('evt'), ...event, createdAt: eventTime(event) })
    .returning({ id: domainEvents.id, createdAt: domainEvents.createdAt });
  if (!row) throw new Error('domain event insert returned nothing');
  for (const listener of listeners) await listener(executor, { ...event, ...row });
  return row.id;
}
