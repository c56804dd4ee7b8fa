CREATE TABLE `server_secrets` (
	`name` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
-- Claim codes issued before this migration were stored as a plain SHA-256, which the HMAC check never
-- matches: they are closed (a helper issues a new code in a minute; codes live 72 hours anyway).
UPDATE `account_claims` SET `expires_at` = `created_at` WHERE `used_at` IS NULL;
