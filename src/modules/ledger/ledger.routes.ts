import type { ModuleRegister } from '../../app.ts';
import { AppError } from '../../platform/errors.ts';
import { WalletResponse } from './ledger.schemas.ts';
import { affiliateWallet } from './wallet.ts';

export const registerLedger: ModuleRegister = (app, { db }) => {
  app.get(
    '/api/affiliate/wallet',
    {
      config: { auth: 'session', roles: ['affiliate'] },
      schema: { tags: ['affiliate'], summary: 'Pending, payable and paid balances per currency, from the ledger (live mode only)', response: { 200: WalletResponse } },
    },
    async (request) => {
      const affiliateId = request.session!.affiliateId;
      if (!affiliateId) throw new AppError('FORBIDDEN', 'This account has no affiliate profile');
      return affiliateWallet(db, affiliateId);
    },
  );
};
