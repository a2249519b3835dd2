import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { validationError } from '../../platform/http/validation.ts';
import { affiliates, type AffiliateChannel, type SocialHandles } from './affiliates.tables.ts';
import { mergeHandles, validateProfilePatch, type ProfilePatch } from './profile-rules.ts';

export interface AffiliateProfile {
  affiliateId: string;
  email: string;
  displayName: string;
  bio: string | null;
  channels: AffiliateChannel[];
  website: string | null;
  socialHandles: SocialHandles;
  createdAt: string;
  updatedAt: string;
}

/** The signed-in affiliate: their affiliate id and the email they sign in with (the session's). */
export interface AffiliateSelf {
  affiliateId: string;
  email: string;
}

export async function getProfile(db: Db, self: AffiliateSelf): Promise<AffiliateProfile> {
  const [a] = await db.select().from(affiliates).where(eq(affiliates.id, self.affiliateId));
  if (!a) throw notFound('Affiliate');
  return {
    affiliateId: a.id,
    email: self.email,
    displayName: a.displayName,
    bio: a.bio,
    channels: a.channels,
    website: a.website,
    socialHandles: a.socialHandles,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** Change the fields given; handles merge (null removes one), everything else replaces. */
export async function updateProfile(db: Db, self: AffiliateSelf, patch: ProfilePatch): Promise<AffiliateProfile> {
  const { affiliateId } = self;
  const checked = validateProfilePatch(patch);
  if (!checked.ok) throw validationError(checked.details);
  const { socialHandles, ...fields } = checked.value;
  await db.transaction(async (tx) => {
    const [current] = await tx.select({ socialHandles: affiliates.socialHandles }).from(affiliates).where(eq(affiliates.id, affiliateId)).for('update');
    if (!current) throw notFound('Affiliate');
    await tx
      .update(affiliates)
      .set({ ...fields, ...(socialHandles ? { socialHandles: mergeHandles(current.socialHandles, socialHandles) } : {}), updatedAt: sql`now()` })
      .where(eq(affiliates.id, affiliateId));
  });
  return getProfile(db, self);
}
