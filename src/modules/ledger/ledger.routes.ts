import type { ModuleRegister } from '../../platform/module.ts';
import { resolveAffiliateId } from '../../platform/auth/resolve-principal.ts';
import { WalletResponse } from './ledger.schemas.ts';
import { affiliateWallet } from './wallet.ts';

export const registerLedger: ModuleRegister = (app, { db }) => {
  app.get(
    '/api/affiliate/wallet',
    {
      config: { principals: ['affiliateSession'] },
      schema: {
        tags: ['affiliate'],
        summary: 'Pending, payable and paid balances per currency, from the ledger (live mode only)',
        response: { 200: WalletResponse },
      },
    },
    async (request) => affiliateWallet(db, resolveAffiliateId(request)),
  );
};
