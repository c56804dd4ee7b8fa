CREATE TABLE `auth_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`attempts` integer NOT NULL,
	`first_at` integer NOT NULL,
	`last_at` integer NOT NULL,
	`blocked_until` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `takeover_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tax_code` text NOT NULL,
	`business_name` text NOT NULL,
	`contact_name` text NOT NULL,
	`requester_user_id` integer NOT NULL,
	`note` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	`decision_note` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`requester_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `takeover_status_idx` ON `takeover_requests` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `takeover_requester_idx` ON `takeover_requests` (`requester_user_id`);