/** The kinds of dashboard user; a signed API key is not a user and has no role. */
export const USER_ROLES = ['merchant', 'affiliate', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];
