// Outreach lists: both sides of every assessment-based indicator (who has it, who does not), their
// exports, and turning a selection into help tasks for a helper of the businesses' commune.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '#src/db/client.ts';
import { auditLog, communes, helpRequests } from '#src/db/schema/index.ts';
import { eq } from 'drizzle-orm';
import { auditValues } from '#src/db/queries/accounts.ts';
import type { DashboardFilter } from '#src/db/queries/dashboard.ts';
import { helpersByCommune } from '#src/db/queries/help-requests.ts';
import {
  activeHelper,
  businessesWithCommune,
  businessesWithOpenRequest,
  drillDownPage,
  drillSideCounts,
  type DrillRow,
  type DrillSide,
} from '#src/db/queries/outreach.ts';
import { canSeeBusiness } from '#src/domain/access.ts';
import { FACT_SHARES, INDICATORS, type FactFlagName, type IndicatorDefinition } from '#src/domain/indicators/definitions.ts';
import type { Period } from '#src/domain/indicators/periods.ts';
import { dueDateProblem } from '#src/domain/help-requests.ts';
import { vietnamDay } from '#src/domain/time.ts';
import { issuesFromZod, type FieldIssue } from '#src/domain/issues.ts';
import { NEED_IDS, type NeedId } from '#src/domain/platforms/schema.ts';
import { optionalFreeText } from '#src/domain/text.ts';
import { requireRole, type Actor } from '#src/server/auth/guards.ts';
import { ForbiddenError, ValidationError } from '#src/server/http/errors.ts';
import { dashboardScope } from './dashboard.ts';
import { parseViewQuery } from './indicators.ts';

export const OUTREACH_PAGE_SIZE = 50;
/** An export carries every row of the list up to this many (a province has far fewer assessed businesses). */
export const OUTREACH_EXPORT_MAX = 50_000;
/** At most this many businesses turned into tasks at once (one page of the list plus room). */
export const OUTREACH_SELECTION_MAX = 200;

const INVALID = 'Tham số không hợp lệ / Invalid parameter';

/** The share whose numerator is this flag, with its definition (names, needs). */
export function shareOfFlag(flag: string): { flag: FactFlagName; definition: IndicatorDefinition } | undefined {
  const s = FACT_SHARES.find((x) => x.measure.numerator === flag);
  return s ? { flag: s.measure.numerator, definition: INDICATORS.find((d) => d.id === s.id)! } : undefined;
}

/** The drill-down a URL asks for: `flag` (all, notInRegistry or a share's numerator) and, for a share, `side`. */
export function parseDrillSide(params: URLSearchParams): DrillSide {
  const flag = params.get('flag') ?? 'all';
  if (flag === 'all' || flag === 'notInRegistry') return { flag };
  const share = shareOfFlag(flag);
  if (!share) throw new ValidationError([{ path: ['flag'], message: INVALID }]);
  const side = params.get('side') ?? 'has';
  if (side !== 'has' && side !== 'not') throw new ValidationError([{ path: ['side'], message: INVALID }]);
  return { flag: share.flag, side };
}

type ListContext = {
  side: DrillSide;
  period: Period;
  filter: DashboardFilter;
  scopeCommune: string | null;
  communeNames: Map<string, string>;
};

async function listContext(db: Db, actor: Actor | null, url: URL, provinceCode: string, now: Date) {
  const { scope, scopeCommune } = dashboardScope(actor, provinceCode);
  const { query, period } = parseViewQuery(url, now);
  const side = parseDrillSide(url.searchParams);
  // A commune officer always sees their own commune, whatever the URL says.
  const communeCode = scopeCommune ?? query.commune;
  const all = await db.select({ code: communes.code, name: communes.name }).from(communes).where(eq(communes.provinceCode, provinceCode));
  const communeNames = new Map(all.map((c) => [c.code, c.name]));
  if (communeCode && !communeNames.has(communeCode))
    throw new ValidationError([{ path: ['commune'], message: 'Xã/phường không thuộc tỉnh / Commune not in the province' }]);
  const filter: DashboardFilter = {
    periodId: period.id,
    provinceCode,
    communeCode,
    sector: query.sector,
    sizeClass: query.size,
    producerType: query.producerType,
  };
  return { scope, ctx: { side, period, filter, scopeCommune, communeNames } satisfies ListContext };
}

export type OutreachList = ListContext & {
  total: number;
  rows: DrillRow[];
  page: number;
  pages: number;
  /** Both sides of the share (null for the all / not-in-registry lists). */
  counts: { has: number; not: number } | null;
  /** Helpers per commune of the listed businesses: the only people their tasks can go to. */
  helpers: Map<string, { id: number; displayName: string }[]>;
  /** The need a task for this indicator is about by default (need-based shares). */
  defaultNeed: NeedId | null;
};

/** One page of a drill-down with both sides' counts, limited to the officer's scope. */
export async function outreachList(db: Db, actor: Actor | null, url: URL, provinceCode: string, now: Date): Promise<OutreachList> {
  const { scope, ctx } = await listContext(db, actor, url, provinceCode, now);
  const requested = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
  const page = Number.isSafeInteger(requested) && requested > 0 ? requested : 1;
  const share = 'side' in ctx.side ? shareOfFlag(ctx.side.flag) : undefined;
  const [list, counts] = await Promise.all([
    drillDownPage(db, scope, ctx.filter, ctx.side, { offset: (page - 1) * OUTREACH_PAGE_SIZE, limit: OUTREACH_PAGE_SIZE }),
    share ? drillSideCounts(db, scope, ctx.filter, share.flag) : Promise.resolve(null),
  ]);
  const helperCommunes = ctx.filter.communeCode ? [ctx.filter.communeCode] : [...new Set(list.rows.map((r) => r.communeCode))];
  return {
    ...ctx,
    ...list,
    page,
    pages: Math.max(1, Math.ceil(list.total / OUTREACH_PAGE_SIZE)),
    counts,
    helpers: await helpersByCommune(db, helperCommunes),
    defaultNeed: (share?.definition.needs?.[0] as NeedId | undefined) ?? null,
  };
}

const SIZE_VI: Record<string, string> = { micro: 'Siêu nhỏ', small: 'Nhỏ', medium: 'Vừa', large: 'Lớn' };
const TYPE_VI: Record<string, string> = {
  enterprise: 'Doanh nghiệp',
  cooperative: 'Hợp tác xã',
  cooperative_group: 'Tổ hợp tác',
  household: 'Hộ kinh doanh',
};
export const NO_CONTACT_CONSENT = 'chưa đồng ý liên hệ';

/** What a list is, in words (file name part and the export's first line). */
export function sideLabel(side: DrillSide): { vi: string; slug: string } {
  if (side.flag === 'all') return { vi: 'Tất cả doanh nghiệp đã đánh giá', slug: 'tat-ca' };
  if (side.flag === 'notInRegistry') return { vi: 'Chưa có trong danh bạ doanh nghiệp', slug: 'ngoai-danh-ba' };
  const share = shareOfFlag(side.flag)!;
  return {
    vi: `${share.definition.name.vi}: ${side.side === 'has' ? 'Đã có' : 'Chưa có'}`,
    slug: `${share.definition.id}-${side.side === 'has' ? 'da-co' : 'chua-co'}`,
  };
}

/**
 * Every row of the list for a CSV or XLSX file: same scope, side and filters as the page, contact
 * columns filled only for businesses that agreed to be contacted. Each export is audit-logged with
 * who asked, the list, the filters and how many rows left.
 */
export async function outreachExport(db: Db, actor: Actor | null, url: URL, provinceCode: string, now: Date, format: 'csv' | 'xlsx') {
  const { scope, ctx } = await listContext(db, actor, url, provinceCode, now);
  const { rows } = await drillDownPage(db, scope, ctx.filter, ctx.side, { offset: 0, limit: OUTREACH_EXPORT_MAX });
  const label = sideLabel(ctx.side);
  const scopeName = ctx.filter.communeCode ? (ctx.communeNames.get(ctx.filter.communeCode) ?? ctx.filter.communeCode) : 'Toàn tỉnh';
  const filters = `Kỳ ${ctx.period.id}; ${scopeName}; ngành ${ctx.filter.sector ?? 'tất cả'}; quy mô ${ctx.filter.sizeClass ?? 'tất cả'}; loại hình ${ctx.filter.producerType ?? 'tất cả'}`;
  await db.insert(auditLog).values(
    auditValues(
      {
        actorUserId: actor!.id,
        action: 'outreach_export',
        entity: 'drill_down',
        entityId: 'side' in ctx.side ? `${ctx.side.flag}:${ctx.side.side}` : ctx.side.flag,
        detail: {
          format,
          period: ctx.period.id,
          commune: ctx.filter.communeCode ?? null,
          sector: ctx.filter.sector ?? null,
          size: ctx.filter.sizeClass ?? null,
          producerType: ctx.filter.producerType ?? null,
          rows: rows.length,
        },
      },
      now,
    ),
  );
  const sheet = {
    name: 'Danh sách',
    rows: [
      ['Danh sách (List)', label.vi],
      ['Bộ lọc (Filters)', filters],
      [],
      [
        'Mã DN (Id)',
        'Tên (Name)',
        'Mã số thuế (Tax code)',
        'Xã/phường (Commune)',
        'Ngành (Sector)',
        'Quy mô (Size)',
        'Loại hình (Type)',
        'Cấp độ (Level)',
        'Điểm (Score)',
        'Trong danh bạ (In registry)',
        'Đồng ý liên hệ (Agreed to be contacted)',
        'Điện thoại (Phone)',
        'E-mail',
      ],
      ...rows.map((r) => [
        r.businessId,
        r.name,
        r.taxCode ?? '',
        r.communeName,
        r.sector,
        SIZE_VI[r.sizeClass] ?? '',
        TYPE_VI[r.producerType] ?? r.producerType,
        r.level,
        r.score,
        r.inRegistry ? 'Có' : 'Chưa',
        r.contactConsent ? 'Có' : NO_CONTACT_CONSENT,
        r.contactConsent ? (r.phone ?? '') : '',
        r.contactConsent ? (r.email ?? '') : '',
      ]),
    ],
  };
  return { sheet, filename: `danh-sach-${label.slug}-${ctx.period.id}.${format}` };
}

const TaskSchema = z.object({
  business: z
    .array(z.coerce.number().int().positive(), { error: 'Chọn ít nhất một doanh nghiệp / Select at least one business' })
    .min(1, 'Chọn ít nhất một doanh nghiệp / Select at least one business')
    .max(
      OUTREACH_SELECTION_MAX,
      `Chọn tối đa ${OUTREACH_SELECTION_MAX} doanh nghiệp một lần / Select at most ${OUTREACH_SELECTION_MAX} businesses at once`,
    ),
  need: z.enum(NEED_IDS, { error: 'Vui lòng chọn nội dung hỗ trợ / Please choose what the help is about' }),
  helper: z.union([z.literal(''), z.coerce.number().int().positive()], { error: 'Người được giao không hợp lệ / Unknown assignee' }),
  dueDate: z.string().max(10, 'Hạn xử lý không phải một ngày hợp lệ / The due date is not a valid date'),
  note: optionalFreeText({
    label: { vi: 'ghi chú', en: 'note' },
    max: 1000,
    multiline: true,
    messages: { max: 'Ghi chú tối đa 1000 ký tự / The note is at most 1000 characters' },
  }),
});

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export type OutreachTasksResult = { created: number; skipped: number };

/**
 * Officers (province-wide or of one commune) and administrators turn selected businesses into help
 * requests ("mới", advice, created by the officer), one per business, in one atomic batch. A
 * business that already has an open request about the same need is skipped (and counted). When a
 * helper is chosen, every selected business must be in the helper's commune: a selection that spans
 * communes is refused with a message saying to filter by one commune first — assigning across
 * communes silently would hand a helper businesses outside their scope.
 */
export async function createOutreachTasks(
  db: Db,
  actor: Actor | null,
  form: Record<string, string | string[]>,
  provinceCode: string,
  now: Date,
): Promise<OutreachTasksResult> {
  const officer = requireRole(actor, 'officer', 'admin');
  dashboardScope(officer, provinceCode);
  const parsed = TaskSchema.safeParse({
    business: many(form.business),
    need: one(form.need),
    helper: one(form.helper).trim(),
    dueDate: one(form.dueDate).trim(),
    note: one(form.note) || undefined,
  });
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error);
    throw new ValidationError(issues, issues[0]?.message);
  }
  const input = parsed.data;
  const ids = [...new Set(input.business)];
  const found = await businessesWithCommune(db, ids);
  // Ids outside the scope are refused as a whole: nothing is created from a tampered selection.
  if (found.length !== ids.length || found.some((b) => b.provinceCode !== provinceCode || !canSeeBusiness(officer, b)))
    throw new ForbiddenError();
  const issues: FieldIssue[] = [];
  let assignee: number | null = null;
  if (input.helper !== '') {
    const helper = await activeHelper(db, input.helper);
    if (!helper || !found.some((b) => b.communeCode === helper.communeCode)) {
      issues.push({
        path: ['helper'],
        message:
          'Chỉ có thể giao cho thành viên tổ công nghệ số cộng đồng của xã/phường nơi doanh nghiệp đặt trụ sở / Tasks can only go to a community digital team member of the businesses’ commune',
      });
    } else {
      const elsewhere = found.filter((b) => b.communeCode !== helper.communeCode).length;
      if (elsewhere > 0)
        issues.push({
          path: ['helper'],
          message: `${elsewhere} doanh nghiệp đã chọn không thuộc xã/phường của người được giao. Hãy lọc danh sách theo một xã/phường rồi giao / ${elsewhere} selected businesses are not in the assignee’s commune. Filter the list by one commune, then assign`,
        });
      assignee = helper.id;
    }
  }
  const dueDate = input.dueDate === '' ? null : input.dueDate;
  if (dueDate) {
    const problem = dueDateProblem(dueDate, vietnamDay(now));
    if (problem) issues.push({ path: ['dueDate'], message: problem });
  }
  if (issues.length) throw new ValidationError(issues, issues[0]!.message);

  const open = await businessesWithOpenRequest(db, ids, input.need);
  const todo = ids.filter((id) => !open.has(id));
  const at = now.getTime();
  const detail = JSON.stringify({ status: 'new', kind: 'advice', source: 'officer', need: input.need });
  // One insert per business, each guarded again inside the batch (a request opened meanwhile is not
  // duplicated), each followed by its history line only when the insert happened.
  const statements = todo.flatMap((id) => [
    db.run(sql`insert into ${helpRequests} (business_id, need, kind, status, note, created_by, created_at, updated_at, assigned_to, due_date, consent_vendor)
      select ${id}, ${input.need}, 'advice', 'new', ${input.note ?? null}, ${officer.id}, ${at}, ${at}, ${assignee}, ${dueDate}, 0
      where not exists (select 1 from ${helpRequests} h where h.business_id = ${id} and h.need = ${input.need} and h.status <> 'done')`),
    db.run(sql`insert into ${auditLog} (actor_user_id, action, entity, entity_id, detail, at)
      select ${officer.id}, 'help_create', 'help_request', cast(last_insert_rowid() as text), ${detail}, ${at} where changes() = 1`),
  ]);
  const summary = db.insert(auditLog).values(
    auditValues(
      {
        actorUserId: officer.id,
        action: 'outreach_tasks',
        entity: 'help_request',
        detail: { need: input.need, assignedTo: assignee, dueDate, selected: ids.length, skipped: open.size },
      },
      now,
    ),
  );
  await db.batch([summary, ...statements]);
  return { created: todo.length, skipped: open.size };
}
