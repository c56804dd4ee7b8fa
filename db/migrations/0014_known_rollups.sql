CREATE TABLE `commune_cells` (
	`period_id` text NOT NULL,
	`commune_code` text NOT NULL,
	`n` integer NOT NULL,
	`n_sme` integer NOT NULL,
	`n_sme_platform` integer NOT NULL,
	`n_digital` integer NOT NULL,
	`n_asked_einvoice` integer DEFAULT 0 NOT NULL,
	`n_einvoice` integer NOT NULL,
	`n_asked_etax` integer DEFAULT 0 NOT NULL,
	`n_etax` integer DEFAULT 0 NOT NULL,
	`n_asked_epayment` integer DEFAULT 0 NOT NULL,
	`n_epayment` integer NOT NULL,
	`n_asked_econtract` integer DEFAULT 0 NOT NULL,
	`n_econtract` integer NOT NULL,
	`n_asked_ecommerce` integer DEFAULT 0 NOT NULL,
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
	PRIMARY KEY(`period_id`, `commune_code`)
);
--> statement-breakpoint
CREATE TABLE `commune_known` (
	`commune_code` text PRIMARY KEY NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `province_known_cells` (
	`province_code` text NOT NULL,
	`sector` text NOT NULL,
	`size_class` text NOT NULL,
	`producer_type` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`province_code`, `sector`, `size_class`, `producer_type`)
);
--> statement-breakpoint
-- Rollups of the known-business counters (province × category, and commune), filled from the
-- businesses table and kept by the same three triggers as `known_cells` (re-created here with the
-- rollups added; a migration that rebuilds `businesses` must re-create them from this file).
INSERT INTO `province_known_cells` (`province_code`, `sector`, `size_class`, `producer_type`, `n`)
SELECT coalesce(c.`province_code`, ''), coalesce(b.`sector`, ''), coalesce(b.`size_class`, ''), b.`producer_type`, count(*)
FROM `businesses` b LEFT JOIN `communes` c ON c.`code` = b.`commune_code` GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO `commune_known` (`commune_code`, `n`) SELECT `commune_code`, count(*) FROM `businesses` GROUP BY 1;
--> statement-breakpoint
INSERT INTO `commune_cells` (`period_id`, `commune_code`, `n`, `n_sme`, `n_sme_platform`, `n_digital`, `n_asked_einvoice`, `n_einvoice`, `n_asked_etax`, `n_etax`, `n_asked_epayment`, `n_epayment`, `n_asked_econtract`, `n_econtract`, `n_asked_ecommerce`, `n_ecommerce`, `n_not_in_registry`, `l0`, `l1`, `l2`, `l3`, `l4`, `l5`, `score_sum`, `recommended`, `adopted_recommended`)
SELECT `period_id`, `commune_code`, sum(`n`), sum(`n_sme`), sum(`n_sme_platform`), sum(`n_digital`), sum(`n_asked_einvoice`), sum(`n_einvoice`), sum(`n_asked_etax`), sum(`n_etax`), sum(`n_asked_epayment`), sum(`n_epayment`), sum(`n_asked_econtract`), sum(`n_econtract`), sum(`n_asked_ecommerce`), sum(`n_ecommerce`), sum(`n_not_in_registry`), sum(`l0`), sum(`l1`), sum(`l2`), sum(`l3`), sum(`l4`), sum(`l5`), sum(`score_sum`), sum(`recommended`), sum(`adopted_recommended`)
FROM `indicator_cells` GROUP BY `period_id`, `commune_code`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `businesses_known_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `businesses_known_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `businesses_known_delete`;
--> statement-breakpoint
CREATE TRIGGER `businesses_known_insert` AFTER INSERT ON `businesses` BEGIN
  INSERT INTO `known_cells` (`commune_code`, `sector`, `size_class`, `producer_type`, `n`)
  VALUES (NEW.`commune_code`, coalesce(NEW.`sector`, ''), coalesce(NEW.`size_class`, ''), NEW.`producer_type`, 1)
  ON CONFLICT (`commune_code`, `sector`, `size_class`, `producer_type`) DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `province_known_cells` (`province_code`, `sector`, `size_class`, `producer_type`, `n`)
  VALUES (coalesce((SELECT `province_code` FROM `communes` WHERE `code` = NEW.`commune_code`), ''), coalesce(NEW.`sector`, ''), coalesce(NEW.`size_class`, ''), NEW.`producer_type`, 1)
  ON CONFLICT (`province_code`, `sector`, `size_class`, `producer_type`) DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `commune_known` (`commune_code`, `n`) VALUES (NEW.`commune_code`, 1)
  ON CONFLICT (`commune_code`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `businesses_known_update` AFTER UPDATE OF `commune_code`, `sector`, `size_class`, `producer_type` ON `businesses`
WHEN OLD.`commune_code` IS NOT NEW.`commune_code` OR OLD.`sector` IS NOT NEW.`sector` OR OLD.`size_class` IS NOT NEW.`size_class` OR OLD.`producer_type` IS NOT NEW.`producer_type`
BEGIN
  UPDATE `known_cells` SET `n` = `n` - 1
  WHERE `commune_code` = OLD.`commune_code` AND `sector` = coalesce(OLD.`sector`, '') AND `size_class` = coalesce(OLD.`size_class`, '') AND `producer_type` = OLD.`producer_type`;
  INSERT INTO `known_cells` (`commune_code`, `sector`, `size_class`, `producer_type`, `n`)
  VALUES (NEW.`commune_code`, coalesce(NEW.`sector`, ''), coalesce(NEW.`size_class`, ''), NEW.`producer_type`, 1)
  ON CONFLICT (`commune_code`, `sector`, `size_class`, `producer_type`) DO UPDATE SET `n` = `n` + 1;
  UPDATE `province_known_cells` SET `n` = `n` - 1
  WHERE `province_code` = coalesce((SELECT `province_code` FROM `communes` WHERE `code` = OLD.`commune_code`), '') AND `sector` = coalesce(OLD.`sector`, '') AND `size_class` = coalesce(OLD.`size_class`, '') AND `producer_type` = OLD.`producer_type`;
  INSERT INTO `province_known_cells` (`province_code`, `sector`, `size_class`, `producer_type`, `n`)
  VALUES (coalesce((SELECT `province_code` FROM `communes` WHERE `code` = NEW.`commune_code`), ''), coalesce(NEW.`sector`, ''), coalesce(NEW.`size_class`, ''), NEW.`producer_type`, 1)
  ON CONFLICT (`province_code`, `sector`, `size_class`, `producer_type`) DO UPDATE SET `n` = `n` + 1;
  UPDATE `commune_known` SET `n` = `n` - 1 WHERE `commune_code` = OLD.`commune_code`;
  INSERT INTO `commune_known` (`commune_code`, `n`) VALUES (NEW.`commune_code`, 1)
  ON CONFLICT (`commune_code`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `businesses_known_delete` AFTER DELETE ON `businesses` BEGIN
  UPDATE `known_cells` SET `n` = `n` - 1
  WHERE `commune_code` = OLD.`commune_code` AND `sector` = coalesce(OLD.`sector`, '') AND `size_class` = coalesce(OLD.`size_class`, '') AND `producer_type` = OLD.`producer_type`;
  UPDATE `province_known_cells` SET `n` = `n` - 1
  WHERE `province_code` = coalesce((SELECT `province_code` FROM `communes` WHERE `code` = OLD.`commune_code`), '') AND `sector` = coalesce(OLD.`sector`, '') AND `size_class` = coalesce(OLD.`size_class`, '') AND `producer_type` = OLD.`producer_type`;
  UPDATE `commune_known` SET `n` = `n` - 1 WHERE `commune_code` = OLD.`commune_code`;
END;
