/**
 * Which commune a registry row means, when the file names it rather than giving its 5-digit code: offices keep
 * their lists by name ("Xã Ý Yên", "phuong nam dinh"), often with the pre-2025 names they have always used.
 *
 * A cell is read, in this order:
 * 1. 1–5 digits: a commune code (left-padded, spreadsheets drop leading zeros); it must be one of the province's.
 * 2. A current commune's name, accent- and case-insensitive, with or without its prefix ("Xã", "Phường",
 *    "Thị trấn", "Đặc khu"): "Xã Ý Yên", "y yen".
 * 3. A former (pre-1 July 2025) ward's name, mapped to the commune it became part of through the old→new table.
 *    A former name shared by wards of several former districts that went to different communes is ambiguous;
 *    the district can be added after a comma or in brackets ("Yên Ninh, Ý Yên" or "Yên Ninh (huyện Ý Yên)").
 * Current names win over former ones: a current commune keeps its name even where a former ward elsewhere had it.
 * An ambiguous or unknown name is an error naming the candidates, never a guess.
 *
 * Pure module: the caller passes the province's communes and former wards.
 */
import { toSearchKey } from '#src/domain/identity/search-key.ts';

export type CommuneRef = { code: string; name: string };
export type FormerWardRef = { oldName: string; oldDistrict: string; newCode: string };
export type CommuneMatch = { ok: true; code: string; via: 'code' | 'name' | 'former' } | { ok: false; message: string };
export type CommuneResolver = (cell: string) => CommuneMatch;

const UNIT_PREFIX = /^(xa|phuong|thi tran|dac khu)\s+/;
const DISTRICT_PREFIX = /^(huyen|quan|thi xa|thanh pho|tp\.?)\s+/;

const bare = (key: string) => key.replace(UNIT_PREFIX, '');
const districtKey = (text: string) => toSearchKey(text).replace(DISTRICT_PREFIX, '');

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V) {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

export function createCommuneResolver(communes: readonly CommuneRef[], former: readonly FormerWardRef[]): CommuneResolver {
  const names = new Map(communes.map((c) => [c.code, c.name]));
  const current = new Map<string, Set<string>>();
  for (const c of communes) {
    const key = toSearchKey(c.name);
    add(current, key, c.code);
    add(current, bare(key), c.code);
  }
  const inProvince = former.filter((f) => names.has(f.newCode));
  const formerByName = new Map<string, FormerWardRef[]>();
  for (const f of inProvince) {
    const key = toSearchKey(f.oldName);
    for (const k of new Set([key, bare(key)])) formerByName.set(k, [...(formerByName.get(k) ?? []), f]);
  }
  const named = (codes: Iterable<string>) =>
    [...codes]
      .slice(0, 3)
      .map((c) => `${names.get(c)} (${c})`)
      .join(', ');

  return (cell) => {
    const raw = cell.normalize('NFC').trim();
    if (raw === '') return { ok: false, message: 'Thiếu xã/phường / The commune is missing' };
    if (/^\d{1,5}$/.test(raw)) {
      const code = raw.padStart(5, '0');
      return names.has(code)
        ? { ok: true, code, via: 'code' }
        : { ok: false, message: `Mã xã/phường "${raw}" không thuộc tỉnh / The commune code "${raw}" is not in the province` };
    }
    // "Yên Ninh, Ý Yên" or "Yên Ninh (huyện Ý Yên)": a former ward and its former district.
    const split = /^([^,(]+)(?:,\s*([^,)]+)|\(([^)]+)\))\s*$/.exec(raw);
    const name = toSearchKey(split ? split[1]! : raw);
    const district = split ? districtKey(split[2] ?? split[3] ?? '') : '';

    if (!district) {
      const hits = current.get(name) ?? current.get(bare(name));
      if (hits?.size === 1) return { ok: true, code: [...hits][0]!, via: 'name' };
      if (hits && hits.size > 1)
        return {
          ok: false,
          message: `Tên "${raw}" trùng nhiều xã/phường: ${named(hits)}; hãy ghi rõ "Xã …"/"Phường …" hoặc dùng mã / The name "${raw}" matches several communes: ${named(hits)}; write "Xã …"/"Phường …" or use the code`,
        };
    }
    let formers = formerByName.get(name) ?? formerByName.get(bare(name)) ?? [];
    if (district) formers = formers.filter((f) => districtKey(f.oldDistrict) === district);
    const targets = new Set(formers.map((f) => f.newCode));
    if (targets.size === 1) return { ok: true, code: [...targets][0]!, via: 'former' };
    if (targets.size > 1)
      return {
        ok: false,
        message: `Tên cũ "${raw}" thuộc nhiều huyện cũ, nay ở: ${named(targets)}; hãy ghi thêm huyện cũ ("${split ? split[1]!.trim() : raw}, huyện …") hoặc dùng mã / The former name "${raw}" belonged to several former districts, now in: ${named(targets)}; add the former district or use the code`,
      };
    return {
      ok: false,
      message: `Không tìm thấy xã/phường "${raw}" trong tỉnh (kể cả tên trước 01/7/2025) / No commune "${raw}" in the province (former names before 1 July 2025 included)`,
    };
  };
}
