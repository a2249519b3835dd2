-- Accounts that existed before email verification are treated as verified: they were created
-- (and signed in to) under the rules of their time, and nobody can send them a link retroactively.
UPDATE "users" SET "email_verified_at" = "created_at" WHERE "email_verified_at" IS NULL;
