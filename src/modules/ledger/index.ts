// The ledger module's public face: what other modules may use. Its tables, repositories and every
// file not exported here are private to it; the app registers its routes from its *.routes.ts.
export { ledgerMovements } from './ledger-movements.ts';
export type { CommissionChange } from './ledger-movements.ts';
export { postLedgerEntries } from './post-ledger-entries.ts';
export { postPayoutEntries } from './post-payout-entries.ts';
