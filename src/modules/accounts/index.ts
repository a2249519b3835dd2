// The accounts module's public face: what other modules may use. Its tables, repositories and every
// file not exported here are private to it; the app registers its routes from its *.routes.ts.
export { approveMerchant, createAdmin, signUpAffiliate, signUpMerchant } from './accounts.service.ts';
export { insertLoginlessUser } from './insert-loginless-user.ts';
export { changeEmailOptOuts, findEmailRecipient, findUserIdByEmail, userColumns } from './user-lookups.ts';
export type { EmailRecipient } from './user-lookups.ts';
