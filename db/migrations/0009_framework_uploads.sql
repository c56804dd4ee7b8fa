CREATE TABLE `framework_uploads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`framework_id` text NOT NULL,
	`version` integer NOT NULL,
	`data` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`uploaded_by` integer,
	`uploaded_at` integer NOT NULL,
	`published_at` integer,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `framework_uploads_published_idx` ON `framework_uploads` (`framework_id`,`version`) WHERE status = 'published';