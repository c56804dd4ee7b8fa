CREATE TABLE `indicator_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `indicator_cells` ADD `n_asked_einvoice` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `indicator_cells` ADD `n_asked_etax` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `indicator_cells` ADD `n_etax` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `indicator_cells` ADD `n_asked_epayment` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `indicator_cells` ADD `n_asked_econtract` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `indicator_cells` ADD `n_asked_ecommerce` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `indicator_cells` DROP COLUMN `n_platform`;--> statement-breakpoint
ALTER TABLE `indicator_facts` ADD `etax` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `province_cells` ADD `n_asked_einvoice` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `province_cells` ADD `n_asked_etax` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `province_cells` ADD `n_etax` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `province_cells` ADD `n_asked_epayment` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `province_cells` ADD `n_asked_econtract` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `province_cells` ADD `n_asked_ecommerce` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `province_cells` DROP COLUMN `n_platform`;