CREATE TABLE `public_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`province_code` text NOT NULL,
	`year` integer NOT NULL,
	`taken_at` integer NOT NULL,
	`version` text NOT NULL,
	`assessed` integer NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `public_snapshots_year_idx` ON `public_snapshots` (`province_code`,`year`,`taken_at`);--> statement-breakpoint
CREATE INDEX `assessments_submitted_idx` ON `assessments` (`submitted_at`);