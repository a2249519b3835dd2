// The tracking module's public face: what other modules may use. Its tables, repositories and every
// file not exported here are private to it; the app registers its routes from its *.routes.ts.
export { clickReportRows } from './click-report-rows.ts';
export { clickStats, clickStatsRange } from './click-stats.ts';
export type { ClickStatsFilter, StatsGroup } from './click-stats.ts';
export { ClickStats, ClickStatsQuery } from './clicks.schemas.ts';
export { findClick } from './find-click.ts';
export { insertClicks } from './insert-clicks.ts';
export type { ClickRow as RecordedClick } from './clicks.tables.ts';
export { blockedReasonOf, unattributableReason } from './click-checks.ts';
export { lastClickAt } from './last-click.ts';
