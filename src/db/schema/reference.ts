import { integer, primaryKey, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';

// Administrative units after the 1 July 2025 reform: province → commune/ward, no districts.
export const provinces = sqliteTable('provinces', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  type: text('type').notNull(),
});

export const communes = sqliteTable(
  'communes',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    type: text('type', { enum: ['phường', 'xã', 'đặc khu'] }).notNull(),
    searchKey: text('search_key').notNull(),
  },
  // Commune pickers list one province's units.
  (t) => [index('communes_province_idx').on(t.provinceCode)],
);

// Pre-reform wards and their former districts, kept so older records and periods stay readable.
export const formerWards = sqliteTable(
  'former_wards',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // Null where the source package does not give the pre-reform code.
    oldCode: text('old_code'),
    oldName: text('old_name').notNull(),
    oldDistrict: text('old_district').notNull(),
    oldProvince: text('old_province').notNull(),
    newCode: text('new_code')
      .notNull()
      .references(() => communes.code),
  },
  // Breakdowns by former district join from the new commune.
  (t) => [index('former_wards_new_idx').on(t.newCode)],
);

export const vsicSections = sqliteTable('vsic_sections', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  sectorGroup: text('sector_group', { enum: ['agri_industry', 'trade_services'] }).notNull(),
});

// SME size thresholds of Nghị định 80/2021/NĐ-CP art. 5, per sector group.
export const sizeRules = sqliteTable(
  'size_rules',
  {
    sectorGroup: text('sector_group', { enum: ['agri_industry', 'trade_services'] }).notNull(),
    sizeClass: text('size_class', { enum: ['micro', 'small', 'medium'] }).notNull(),
    maxEmployees: integer('max_employees').notNull(),
    maxRevenueVnd: integer('max_revenue_vnd').notNull(),
    maxCapitalVnd: integer('max_capital_vnd').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sectorGroup, t.sizeClass] })],
);

export const platformCategories = sqliteTable('platform_categories', {
  id: text('id').primaryKey(),
  ord: integer('ord').notNull(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionVi: text('description_vi').notNull(),
  descriptionEn: text('description_en').notNull(),
});
