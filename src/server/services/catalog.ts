import type { Db } from '#src/db/client.ts';
import { catalogSnapshot, importPlatforms, platformById, savePlatform } from '#src/db/queries/platforms.ts';
import { listCategories, listPlatforms, platformHistory } from '#src/db/queries/platforms.ts';
import { checkedUtcDay, safeParsePlatform, type Platform } from '#src/domain/platforms/schema.ts';
import { parseCatalogCsv } from '#src/domain/platforms/csv.ts';
import { ConflictError, NotFoundError, ValidationError } from '#src/server/http/errors.ts';
import { formValue } from '#src/server/http/forms.ts';
import type { Actor } from '#src/server/auth/guards.ts';
import { requireRole } from '#src/server/auth/guards.ts';
import { publicChanged } from './changes.ts';

type Form = Record<string, string | string[]>;
const list = (v: string | string[] | undefined): string[] =>
  (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean);
const one = (form: Form, key: string): string => (formValue(form, key) ?? '').trim();
const pipe = (form: Form, key: string): string[] =>
  one(form, key)
    .split(/[|,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
const localizedOrUndefined = (vi: string, en: string) => (vi || en ? { vi, en } : undefined);

/** The admin form's fields, as a catalog entry to validate with the catalog schema. */
export function platformFromForm(form: Form, id: string): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    id,
    name: one(form, 'name'),
    provider: one(form, 'provider'),
    url: one(form, 'url'),
    category: one(form, 'category'),
    needs: list(form.needs),
    description: { vi: one(form, 'descriptionVi'), en: one(form, 'descriptionEn') },
    costModel: one(form, 'costModel'),
    makeInVietnam: one(form, 'makeInVietnam') === 'yes',
    fits: {
      sizes: list(form.sizes),
      sectors: one(form, 'allSectors') === 'yes' ? ['*'] : list(form.sectors),
      producerTypes: list(form.producerTypes),
    },
    requires: pipe(form, 'requires'),
    improves: pipe(form, 'improves'),
    lastChecked: one(form, 'lastChecked'),
  };
  const priceNote = localizedOrUndefined(one(form, 'priceNoteVi'), one(form, 'priceNoteEn'));
  if (priceNote) entry.priceNote = priceNote;
  const freeTrial = localizedOrUndefined(one(form, 'freeTrialVi'), one(form, 'freeTrialEn'));
  if (freeTrial) entry.freeTrial = freeTrial;
  if (one(form, 'retired') === 'yes') entry.retired = true;
  if (one(form, 'source')) entry.source = one(form, 'source');
  if (one(form, 'unverified') === 'yes') entry.unverified = true;
  return entry;
}

function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

function validate(entry: Record<string, unknown>, now: Date): Platform {
  const r = safeParsePlatform(entry, { asOf: today(now) });
  if (!r.ok) throw new ValidationError(r.issues);
  return r.platform;
}

/** The admin list: every platform, retired ones too, with the categories. */
export async function adminCatalog(db: Db, actor: Actor | null) {
  requireRole(actor, 'admin');
  const [platforms, categories] = await Promise.all([listPlatforms(db, { includeRetired: true }), listCategories(db)]);
  return { platforms, categories };
}

/** The platform an admin is about to edit; 404 when there is none. */
export async function platformToEdit(db: Db, actor: Actor | null, id: string): Promise<Platform> {
  requireRole(actor, 'admin');
  const p = await platformById(db, id);
  if (!p) throw new NotFoundError();
  return p;
}

/** What the edit form shows beside the platform: the categories and the platform's change history. */
export async function platformEditorContext(db: Db, actor: Actor | null, id: string) {
  requireRole(actor, 'admin');
  const [categories, history] = await Promise.all([listCategories(db), platformHistory(db, id)]);
  return { categories, history };
}

export async function createPlatform(db: Db, actor: Actor | null, form: Form, now: Date): Promise<Platform> {
  const admin = requireRole(actor, 'admin');
  const p = validate(platformFromForm(form, one(form, 'id')), now);
  if (await platformById(db, p.id)) {
    throw new ConflictError('Mã nền tảng đã tồn tại / This id already exists', [
      { path: ['id'], message: 'Mã nền tảng đã tồn tại / This id already exists' },
    ]);
  }
  await savePlatform(db, admin.id, p, now, 'create');
  await publicChanged(db, 'catalog');
  return p;
}

export async function updatePlatform(db: Db, actor: Actor | null, id: string, form: Form, now: Date): Promise<Platform> {
  const admin = requireRole(actor, 'admin');
  const before = await platformById(db, id);
  if (!before) throw new NotFoundError();
  const entry = platformFromForm(form, id);
  // The form shows only the day of a check time; an unchanged day keeps the recorded time.
  if (entry.lastChecked === checkedUtcDay(before.lastChecked)) entry.lastChecked = before.lastChecked;
  const p = validate(entry, now);
  const action = !before.retired && p.retired ? 'retire' : before.retired && !p.retired ? 'restore' : 'update';
  await savePlatform(db, admin.id, p, now, action);
  await publicChanged(db, 'catalog');
  return p;
}

export type ImportOutcome =
  | { ok: true; created: number; updated: number; unchanged: number }
  | { ok: false; errors: { row: number; field?: string; message: string }[] };

/** Imports a CSV: every row valid, or nothing is written. */
export async function importCatalogCsv(db: Db, actor: Actor | null, text: string, now: Date): Promise<ImportOutcome> {
  const admin = requireRole(actor, 'admin');
  const parsed = parseCatalogCsv(text, { asOf: today(now) });
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  if (parsed.platforms.length === 0)
    return { ok: false, errors: [{ row: 1, message: 'Tệp không có dòng dữ liệu nào / The file has no data rows' }] };
  const r = await importPlatforms(db, admin.id, parsed.platforms, now);
  await publicChanged(db, 'catalog');
  return { ok: true, ...r };
}

export async function exportCatalog(db: Db, actor: Actor | null): Promise<Platform[]> {
  requireRole(actor, 'admin');
  return catalogSnapshot(db);
}
