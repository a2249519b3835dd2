// The conversions module's public face: what other modules may use. Its tables, repositories and every
// file not exported here are private to it; the app registers its routes from its *.routes.ts.
export { findClickInDatabase } from './click-record.ts';
export type { ClickRecord } from './click-record.ts';
export { conversionReportRows } from './conversion-report-rows.ts';
export { ConversionBody } from './conversions.schemas.ts';
export { recordConversion } from './record-conversion.ts';
export { lastConversionAt } from './last-conversion.ts';
export { conversionColumns } from './conversion-columns.ts';
export type { ConversionRow } from './conversions.tables.ts';
