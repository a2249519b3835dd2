import { Type, type Static } from '@sinclair/typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { Nullable, StringEnum } from '../../platform/http/schemas.ts';
import { FEED_FORMATS, FEED_RUN_STATUSES, FEED_STATUSES } from './product-feeds.tables.ts';

const FeedUrl = Type.String({ minLength: 1, maxLength: 2048, description: 'http(s) URL of a JSON or CSV feed; private and loopback addresses are refused.' });
const Interval = Type.Integer({ minimum: 15, maximum: 10_080, description: 'Minutes between scheduled pulls (15 minutes to 7 days).' });
const ArchiveMissing = Type.Boolean({
  description: 'Archive products this feed wrote before that a successful run no longer lists. Off by default: nothing is archived.',
});
const Format = StringEnum(FEED_FORMATS, { description: 'AUTO detects JSON or CSV from the Content-Type, then from the body.' });

export const CreateFeedBody = Type.Object(
  {
    url: FeedUrl,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    format: Type.Optional(Format),
    intervalMinutes: Type.Optional(Interval),
    archiveMissing: Type.Optional(ArchiveMissing),
  },
  { additionalProperties: false },
);
export type CreateFeedBody = Static<typeof CreateFeedBody>;

export const UpdateFeedBody = Type.Object(
  {
    url: Type.Optional(FeedUrl),
    name: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 120 }))),
    format: Type.Optional(Format),
    intervalMinutes: Type.Optional(Interval),
    archiveMissing: Type.Optional(ArchiveMissing),
    status: Type.Optional(StringEnum(FEED_STATUSES, { description: 'PAUSED stops scheduled pulls; a manual run still works.' })),
  },
  { additionalProperties: false },
);
export type UpdateFeedBody = Static<typeof UpdateFeedBody>;

export const FeedParams = Type.Object({ id: Type.String() });

const Timestamp = Type.String({ format: 'date-time' });

export const FeedRun = Type.Object({
  id: Type.String(),
  feedId: Type.String(),
  trigger: StringEnum(['SCHEDULE', 'MANUAL'] as const),
  status: StringEnum(FEED_RUN_STATUSES),
  httpStatus: Nullable(Type.Integer()),
  received: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  failed: Type.Integer(),
  archived: Type.Integer(),
  errors: Type.Array(
    Type.Object({ index: Type.Integer(), externalProductId: Nullable(Type.String()), status: Type.Integer(), code: Type.String(), message: Type.String() }),
    { description: 'Failed items (the first 500), with their position in the feed.' },
  ),
  errorCode: Nullable(Type.String({ description: 'Why the whole run failed: PRIVATE_ADDRESS, TIMEOUT, HTTP_ERROR, PARSE_ERROR, FEED_TOO_LARGE …' })),
  errorMessage: Nullable(Type.String()),
  queuedAt: Timestamp,
  startedAt: Nullable(Timestamp),
  finishedAt: Nullable(Timestamp),
});
export type FeedRunView = Static<typeof FeedRun>;

export const Feed = Type.Object({
  id: Type.String(),
  name: Nullable(Type.String()),
  url: Type.String(),
  format: Format,
  intervalMinutes: Type.Integer(),
  archiveMissing: Type.Boolean(),
  status: StringEnum(FEED_STATUSES),
  nextRunAt: Timestamp,
  lastRunAt: Nullable(Timestamp),
  livemode: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type FeedView = Static<typeof Feed>;

export const FeedListQuery = PageQuery;
export type FeedListQuery = Static<typeof FeedListQuery>;
