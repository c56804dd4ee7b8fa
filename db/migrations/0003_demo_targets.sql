ALTER TABLE `indicator_targets` ADD `basis` text;--> statement-breakpoint
ALTER TABLE `indicator_targets` ADD `is_demo` integer DEFAULT false NOT NULL;