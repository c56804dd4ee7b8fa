CREATE TABLE `public_changes` (
	`period_id` text NOT NULL,
	`business_id` integer NOT NULL,
	`before` text,
	`after` text,
	PRIMARY KEY(`period_id`, `business_id`)
);
--> statement-breakpoint
CREATE TABLE `public_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`province_code` text NOT NULL,
	`year` integer NOT NULL,
	`taken_at` integer NOT NULL,
	`nonce` text NOT NULL,
	`columns` text NOT NULL,
	`cells` text NOT NULL,
	`pillars` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `public_snapshots_nonce_unique` ON `public_snapshots` (`nonce`);--> statement-breakpoint
CREATE INDEX `public_snapshots_year_idx` ON `public_snapshots` (`province_code`,`year`,`taken_at`);
--> statement-breakpoint
-- Every change of an indicator fact is noted for the public batch rule (a new public snapshot only
-- once 5 businesses changed). The digest lists the columns that reach public numbers, so a refresh
-- that rewrites a fact unchanged (a registry re-import, a rebuild) does not count as a change.
CREATE TRIGGER `public_changes_fact_insert` AFTER INSERT ON `indicator_facts` BEGIN
	INSERT OR IGNORE INTO `public_changes` (`period_id`, `business_id`, `before`, `after`) VALUES (NEW.`period_id`, NEW.`business_id`, NULL, NULL);
	UPDATE `public_changes` SET `after` = json_array(NEW.`framework_id`, NEW.`commune_code`, NEW.`sector`, NEW.`size_class`, NEW.`producer_type`, NEW.`level`, NEW.`score`, NEW.`pillars`, NEW.`sme`, NEW.`platform`, NEW.`digital`, NEW.`einvoice`, NEW.`epayment`, NEW.`econtract`, NEW.`ecommerce`, NEW.`in_registry`, NEW.`recommended`, NEW.`adopted_recommended`) WHERE `period_id` = NEW.`period_id` AND `business_id` = NEW.`business_id`;
END;--> statement-breakpoint
CREATE TRIGGER `public_changes_fact_delete` AFTER DELETE ON `indicator_facts` BEGIN
	INSERT OR IGNORE INTO `public_changes` (`period_id`, `business_id`, `before`, `after`) VALUES (OLD.`period_id`, OLD.`business_id`, json_array(OLD.`framework_id`, OLD.`commune_code`, OLD.`sector`, OLD.`size_class`, OLD.`producer_type`, OLD.`level`, OLD.`score`, OLD.`pillars`, OLD.`sme`, OLD.`platform`, OLD.`digital`, OLD.`einvoice`, OLD.`epayment`, OLD.`econtract`, OLD.`ecommerce`, OLD.`in_registry`, OLD.`recommended`, OLD.`adopted_recommended`), NULL);
	UPDATE `public_changes` SET `after` = NULL WHERE `period_id` = OLD.`period_id` AND `business_id` = OLD.`business_id`;
END;--> statement-breakpoint
CREATE TRIGGER `public_changes_fact_update` AFTER UPDATE ON `indicator_facts` BEGIN
	INSERT OR IGNORE INTO `public_changes` (`period_id`, `business_id`, `before`, `after`) VALUES (OLD.`period_id`, OLD.`business_id`, json_array(OLD.`framework_id`, OLD.`commune_code`, OLD.`sector`, OLD.`size_class`, OLD.`producer_type`, OLD.`level`, OLD.`score`, OLD.`pillars`, OLD.`sme`, OLD.`platform`, OLD.`digital`, OLD.`einvoice`, OLD.`epayment`, OLD.`econtract`, OLD.`ecommerce`, OLD.`in_registry`, OLD.`recommended`, OLD.`adopted_recommended`), NULL);
	UPDATE `public_changes` SET `after` = NULL WHERE `period_id` = OLD.`period_id` AND `business_id` = OLD.`business_id`;
	INSERT OR IGNORE INTO `public_changes` (`period_id`, `business_id`, `before`, `after`) VALUES (NEW.`period_id`, NEW.`business_id`, NULL, NULL);
	UPDATE `public_changes` SET `after` = json_array(NEW.`framework_id`, NEW.`commune_code`, NEW.`sector`, NEW.`size_class`, NEW.`producer_type`, NEW.`level`, NEW.`score`, NEW.`pillars`, NEW.`sme`, NEW.`platform`, NEW.`digital`, NEW.`einvoice`, NEW.`epayment`, NEW.`econtract`, NEW.`ecommerce`, NEW.`in_registry`, NEW.`recommended`, NEW.`adopted_recommended`) WHERE `period_id` = NEW.`period_id` AND `business_id` = NEW.`business_id`;
END;
