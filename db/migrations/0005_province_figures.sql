CREATE TABLE `province_figures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`figure_id` text NOT NULL,
	`period_id` text NOT NULL,
	`value` real NOT NULL,
	`source` text NOT NULL,
	`as_of` text NOT NULL,
	`entered_by` integer,
	`entered_at` integer NOT NULL,
	FOREIGN KEY (`entered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `province_figures_period_idx` ON `province_figures` (`period_id`,`figure_id`);