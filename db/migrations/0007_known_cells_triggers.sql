-- Known businesses per commune × sector × size × type, kept by triggers so every write path
-- (registration, assisted registration, registry import, claims, erasure) updates the coverage
-- denominator in the same statement. Empty text stands for "unknown".
INSERT INTO `known_cells` (`commune_code`, `sector`, `size_class`, `producer_type`, `n`)
SELECT `commune_code`, coalesce(`sector`, ''), coalesce(`size_class`, ''), `producer_type`, count(*)
FROM `businesses` GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE TRIGGER `businesses_known_insert` AFTER INSERT ON `businesses` BEGIN
  INSERT INTO `known_cells` (`commune_code`, `sector`, `size_class`, `producer_type`, `n`)
  VALUES (NEW.`commune_code`, coalesce(NEW.`sector`, ''), coalesce(NEW.`size_class`, ''), NEW.`producer_type`, 1)
  ON CONFLICT (`commune_code`, `sector`, `size_class`, `producer_type`) DO UPDATE SET `n` = `n` + 1;
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
END;
--> statement-breakpoint
CREATE TRIGGER `businesses_known_delete` AFTER DELETE ON `businesses` BEGIN
  UPDATE `known_cells` SET `n` = `n` - 1
  WHERE `commune_code` = OLD.`commune_code` AND `sector` = coalesce(OLD.`sector`, '') AND `size_class` = coalesce(OLD.`size_class`, '') AND `producer_type` = OLD.`producer_type`;
END;
