CREATE TABLE `change_counters` (
	`scope` text PRIMARY KEY NOT NULL,
	`n` integer DEFAULT 0 NOT NULL
);
