CREATE TABLE `province_level_cells` (
	`period_id` text NOT NULL,
	`province_code` text NOT NULL,
	`sector` text NOT NULL,
	`size_class` text NOT NULL,
	`producer_type` text NOT NULL,
	`framework_id` text NOT NULL,
	`level` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`period_id`, `province_code`, `sector`, `size_class`, `producer_type`, `framework_id`, `level`)
);

--> statement-breakpoint
-- Filled from the stored facts (a business's fact sits in the province of its commune at the time,
-- '' when the commune is unknown: the same rule as the write path and the rebuild).
INSERT INTO `province_level_cells` (`period_id`, `province_code`, `sector`, `size_class`, `producer_type`, `framework_id`, `level`, `n`)
SELECT f.`period_id`, coalesce(c.`province_code`, ''), f.`sector`, f.`size_class`, f.`producer_type`, f.`framework_id`, f.`level`, count(*)
FROM `indicator_facts` f LEFT JOIN `communes` c ON c.`code` = f.`commune_code`
GROUP BY 1, 2, 3, 4, 5, 6, 7;
