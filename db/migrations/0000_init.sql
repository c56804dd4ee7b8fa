CREATE TABLE `communes` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`province_code` text NOT NULL,
	`type` text NOT NULL,
	`search_key` text NOT NULL,
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `communes_province_idx` ON `communes` (`province_code`);--> statement-breakpoint
CREATE TABLE `former_wards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`old_code` text,
	`old_name` text NOT NULL,
	`old_district` text NOT NULL,
	`old_province` text NOT NULL,
	`new_code` text NOT NULL,
	FOREIGN KEY (`new_code`) REFERENCES `communes`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `former_wards_new_idx` ON `former_wards` (`new_code`);--> statement-breakpoint
CREATE TABLE `platform_categories` (
	`id` text PRIMARY KEY NOT NULL,
	`ord` integer NOT NULL,
	`name_vi` text NOT NULL,
	`name_en` text NOT NULL,
	`description_vi` text NOT NULL,
	`description_en` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `provinces` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `size_rules` (
	`sector_group` text NOT NULL,
	`size_class` text NOT NULL,
	`max_employees` integer NOT NULL,
	`max_revenue_vnd` integer NOT NULL,
	`max_capital_vnd` integer NOT NULL,
	PRIMARY KEY(`sector_group`, `size_class`)
);
--> statement-breakpoint
CREATE TABLE `vsic_sections` (
	`code` text PRIMARY KEY NOT NULL,
	`name_vi` text NOT NULL,
	`name_en` text NOT NULL,
	`sector_group` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_user_id` integer,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`detail` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `businesses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tax_code` text,
	`name` text NOT NULL,
	`name_search` text NOT NULL,
	`sector` text,
	`employees` integer,
	`revenue_vnd` integer,
	`capital_vnd` integer,
	`producer_type` text DEFAULT 'enterprise' NOT NULL,
	`size_class` text,
	`commune_code` text NOT NULL,
	`contact_phone` text,
	`in_registry` integer DEFAULT false NOT NULL,
	`employees_registry` integer,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`sector`) REFERENCES `vsic_sections`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_code`) REFERENCES `communes`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `businesses_tax_code_unique` ON `businesses` (`tax_code`);--> statement-breakpoint
CREATE INDEX `businesses_commune_idx` ON `businesses` (`commune_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `businesses_phone_commune_uq` ON `businesses` (`contact_phone`,`commune_code`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer,
	`business_id` integer,
	`purpose` text NOT NULL,
	`method` text NOT NULL,
	`consented_by_name` text,
	`relation` text,
	`recorded_by` integer,
	`granted_at` integer NOT NULL,
	`withdrawn_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `consents_business_idx` ON `consents` (`business_id`);--> statement-breakpoint
CREATE TABLE `login_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_failures_key_at_idx` ON `login_failures` (`key`,`at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`role` text NOT NULL,
	`email` text,
	`phone` text,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`business_id` integer,
	`scope_province_code` text,
	`scope_commune_code` text,
	`disabled_at` integer,
	`created_at` integer NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`scope_province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scope_commune_code`) REFERENCES `communes`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_uq` ON `users` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_phone_uq` ON `users` (`phone`);--> statement-breakpoint
CREATE TABLE `assessments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`business_id` integer NOT NULL,
	`sequence` integer NOT NULL,
	`framework_id` text NOT NULL,
	`framework_version` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`profile` text,
	`answers` text NOT NULL,
	`current_step` text DEFAULT 'profile' NOT NULL,
	`result` text,
	`score` real,
	`points` real,
	`level` integer,
	`sector` text,
	`size_class` text,
	`commune_code` text,
	`share_token` text,
	`created_by` integer,
	`started_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`submitted_at` integer,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessments_share_token_unique` ON `assessments` (`share_token`);--> statement-breakpoint
CREATE INDEX `assessments_business_idx` ON `assessments` (`business_id`,`sequence`);--> statement-breakpoint
CREATE INDEX `assessments_peer_idx` ON `assessments` (`framework_id`,`status`,`sector`,`size_class`);--> statement-breakpoint
CREATE TABLE `help_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`business_id` integer NOT NULL,
	`need` text NOT NULL,
	`platform_id` text,
	`kind` text NOT NULL,
	`message` text,
	`consent_vendor` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`note` text,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`handled_by` integer,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`handled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `help_status_idx` ON `help_requests` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `platforms` (
	`id` text PRIMARY KEY NOT NULL,
	`category` text NOT NULL,
	`retired` integer DEFAULT false NOT NULL,
	`search_key` text NOT NULL,
	`data` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `platforms_category_idx` ON `platforms` (`category`);--> statement-breakpoint
CREATE TABLE `recommendation_marks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`business_id` integer NOT NULL,
	`assessment_id` integer,
	`need` text NOT NULL,
	`kind` text NOT NULL,
	`platform_id` text,
	`reason` text,
	`was_recommended` integer DEFAULT true NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`withdrawn_at` integer,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `marks_business_idx` ON `recommendation_marks` (`business_id`,`need`);--> statement-breakpoint
CREATE TABLE `account_claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`business_id` integer NOT NULL,
	`code_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `account_claims_code_hash_unique` ON `account_claims` (`code_hash`);--> statement-breakpoint
CREATE TABLE `answer_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assessment_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`value` text,
	`actor_user_id` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `answer_events_assessment_idx` ON `answer_events` (`assessment_id`,`at`);--> statement-breakpoint
CREATE TABLE `ocop_products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`business_id` integer NOT NULL,
	`name` text NOT NULL,
	`name_search` text NOT NULL,
	`product_group` text NOT NULL,
	`stars` integer NOT NULL,
	`certificate_no` text NOT NULL,
	`certificate_year` integer NOT NULL,
	`commune_code` text NOT NULL,
	`description` text,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `ocop_products_business_idx` ON `ocop_products` (`business_id`);--> statement-breakpoint
CREATE INDEX `ocop_products_commune_idx` ON `ocop_products` (`commune_code`,`stars`);--> statement-breakpoint
CREATE TABLE `product_checklist` (
	`product_id` integer NOT NULL,
	`floor_id` text NOT NULL,
	`item_id` text NOT NULL,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`product_id`, `floor_id`, `item_id`),
	FOREIGN KEY (`product_id`) REFERENCES `ocop_products`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `product_listings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer NOT NULL,
	`floor_id` text NOT NULL,
	`status` text NOT NULL,
	`url` text,
	`changed_by` integer,
	`changed_at` integer NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `ocop_products`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `product_listings_product_idx` ON `product_listings` (`product_id`,`floor_id`,`id`);--> statement-breakpoint
CREATE TABLE `indicator_cells` (
	`period_id` text NOT NULL,
	`commune_code` text NOT NULL,
	`sector` text NOT NULL,
	`size_class` text NOT NULL,
	`producer_type` text NOT NULL,
	`n` integer NOT NULL,
	`n_sme` integer NOT NULL,
	`n_sme_platform` integer NOT NULL,
	`n_platform` integer NOT NULL,
	`n_digital` integer NOT NULL,
	`n_einvoice` integer NOT NULL,
	`n_epayment` integer NOT NULL,
	`n_econtract` integer NOT NULL,
	`n_ecommerce` integer NOT NULL,
	`n_not_in_registry` integer NOT NULL,
	`l0` integer NOT NULL,
	`l1` integer NOT NULL,
	`l2` integer NOT NULL,
	`l3` integer NOT NULL,
	`l4` integer NOT NULL,
	`l5` integer NOT NULL,
	`score_sum` real NOT NULL,
	`recommended` integer NOT NULL,
	`adopted_recommended` integer NOT NULL,
	PRIMARY KEY(`period_id`, `commune_code`, `sector`, `size_class`, `producer_type`)
);
--> statement-breakpoint
CREATE TABLE `indicator_facts` (
	`period_id` text NOT NULL,
	`business_id` integer NOT NULL,
	`assessment_id` integer NOT NULL,
	`submitted_at` integer NOT NULL,
	`framework_id` text NOT NULL,
	`commune_code` text NOT NULL,
	`sector` text NOT NULL,
	`size_class` text NOT NULL,
	`producer_type` text NOT NULL,
	`level` integer NOT NULL,
	`score` real NOT NULL,
	`pillars` text NOT NULL,
	`sme` integer NOT NULL,
	`platform` integer NOT NULL,
	`digital` integer NOT NULL,
	`einvoice` integer NOT NULL,
	`epayment` integer NOT NULL,
	`econtract` integer NOT NULL,
	`ecommerce` integer NOT NULL,
	`in_registry` integer NOT NULL,
	`recommended` integer NOT NULL,
	`adopted_recommended` integer NOT NULL,
	PRIMARY KEY(`period_id`, `business_id`)
);
--> statement-breakpoint
CREATE INDEX `indicator_facts_commune_idx` ON `indicator_facts` (`period_id`,`commune_code`);--> statement-breakpoint
CREATE TABLE `indicator_targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_id` text NOT NULL,
	`commune_code` text DEFAULT '' NOT NULL,
	`baseline_date` text NOT NULL,
	`baseline_value` real NOT NULL,
	`target_date` text NOT NULL,
	`target_value` real NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `indicator_targets_idx` ON `indicator_targets` (`indicator_id`,`commune_code`);--> statement-breakpoint
CREATE TABLE `pillar_cells` (
	`period_id` text NOT NULL,
	`commune_code` text NOT NULL,
	`sector` text NOT NULL,
	`size_class` text NOT NULL,
	`producer_type` text NOT NULL,
	`framework_id` text NOT NULL,
	`pillar_id` text NOT NULL,
	`n` integer NOT NULL,
	`score_sum` real NOT NULL,
	PRIMARY KEY(`period_id`, `commune_code`, `sector`, `size_class`, `producer_type`, `framework_id`, `pillar_id`)
);
--> statement-breakpoint
CREATE TABLE `province_cells` (
	`period_id` text NOT NULL,
	`province_code` text NOT NULL,
	`sector` text NOT NULL,
	`size_class` text NOT NULL,
	`producer_type` text NOT NULL,
	`n` integer NOT NULL,
	`n_sme` integer NOT NULL,
	`n_sme_platform` integer NOT NULL,
	`n_platform` integer NOT NULL,
	`n_digital` integer NOT NULL,
	`n_einvoice` integer NOT NULL,
	`n_epayment` integer NOT NULL,
	`n_econtract` integer NOT NULL,
	`n_ecommerce` integer NOT NULL,
	`n_not_in_registry` integer NOT NULL,
	`l0` integer NOT NULL,
	`l1` integer NOT NULL,
	`l2` integer NOT NULL,
	`l3` integer NOT NULL,
	`l4` integer NOT NULL,
	`l5` integer NOT NULL,
	`score_sum` real NOT NULL,
	`recommended` integer NOT NULL,
	`adopted_recommended` integer NOT NULL,
	PRIMARY KEY(`period_id`, `province_code`, `sector`, `size_class`, `producer_type`)
);
--> statement-breakpoint
CREATE TABLE `province_pillar_cells` (
	`period_id` text NOT NULL,
	`province_code` text NOT NULL,
	`sector` text NOT NULL,
	`size_class` text NOT NULL,
	`producer_type` text NOT NULL,
	`framework_id` text NOT NULL,
	`pillar_id` text NOT NULL,
	`n` integer NOT NULL,
	`score_sum` real NOT NULL,
	PRIMARY KEY(`period_id`, `province_code`, `sector`, `size_class`, `producer_type`, `framework_id`, `pillar_id`)
);
