ALTER TABLE `help_requests` ADD `contact_method` text;--> statement-breakpoint
ALTER TABLE `help_requests` ADD `contact_value` text;--> statement-breakpoint
ALTER TABLE `help_requests` ADD `contact_consent_at` integer;--> statement-breakpoint
ALTER TABLE `help_requests` ADD `assigned_to` integer REFERENCES users(id) ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE `help_requests` ADD `due_date` text;--> statement-breakpoint
ALTER TABLE `help_requests` ADD `status_changed_at` integer;--> statement-breakpoint
ALTER TABLE `help_requests` ADD `business_seen_at` integer;--> statement-breakpoint
CREATE INDEX `help_business_idx` ON `help_requests` (`business_id`);