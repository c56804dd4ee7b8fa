CREATE TABLE `known_cells` (
	`commune_code` text NOT NULL,
	`sector` text NOT NULL,
	`size_class` text NOT NULL,
	`producer_type` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`commune_code`, `sector`, `size_class`, `producer_type`)
);
