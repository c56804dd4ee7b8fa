/**
 * The demo province (SEED_DEMO=1, the default of `npm start`): a newcomer's first start shows a
 * province that looks alive, every row marked sample data ("dữ liệu mẫu"), and `npm run
 * demo:remove` takes it all out again.
 *
 * What it seeds, and the shape it uses (the same rows the portal itself writes):
 * - 300 demo businesses, about 70 % with a submitted assessment whose answers follow plausible
 *   adoption rates (demo-assessments.ts); counters are built by `refreshBusinessFacts`, exactly as
 *   after a real submission;
 * - 1 500 registry-only enterprises (as `registry-import` writes them) and most demo enterprises in
 *   the registry too, so coverage reads like a real province (about one in ten assessed);
 * - twelve OCOP producers with 25 products, consents (processing and, for all but one, public
 *   listing), listing histories on the catalog's floors and a few checklist ticks (demo-ocop.ts);
 * - help requests in the worklist, some in the demo commune so its helper and officer see them;
 * - targets: national figures of QĐ 411/QĐ-TTg where one exists, otherwise a "mục tiêu mẫu"
 *   (sample target) labelled as such; the baselines are sample values chosen so that the three
 *   statuses (on track, at risk, off track) all show on the first start.
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import {
  assessments,
  auditLog,
  businesses,
  communes,
  consents,
  helpRequests,
  indicatorTargets,
  ocopProducts,
  productChecklist,
  productListings,
  users,
} from '#src/db/schema/index.ts';
import { generateDemoBusinesses, mulberry32, type DemoBusiness } from './demo-data.ts';
import { demoAssessmentAnswers, demoFrameworkId } from './demo-assessments.ts';
import { DEMO_OCOP_PRODUCERS, demoListingUrl } from './demo-ocop.ts';
import { getFramework } from '#src/content/frameworks/registry.ts';
import { toProfile } from '#src/domain/framework/questionnaire.ts';
import { scoreAssessment } from '#src/domain/scoring/score.ts';
import { catalogSnapshot } from '#src/db/queries/platforms.ts';
import { auditValues } from '#src/db/queries/accounts.ts';
import { refreshBusinessFacts, removeBusinessFacts } from '#src/server/services/facts.ts';
import { changeStatements } from '#src/server/services/changes.ts';
import { clearIndicatorCaches, computeView } from '#src/server/services/indicators.ts';
import { currentPeriod } from '#src/domain/indicators/periods.ts';
import { expectedAt } from '#src/domain/indicators/targets.ts';
import { toSearchKey } from '#src/domain/identity/search-key.ts';
import { sizeClass } from '#src/domain/identity/size-class.ts';
import { vietnamDay } from '#src/domain/time.ts';
import { OCOP_FLOORS } from '#src/content/ocop/floors.ts';
import { floorsForProduct, requirementsFor, validateTransition, type ListingStatus } from '#src/domain/ocop/floors.ts';
import { hashPassword } from '#src/server/auth/password.ts';

export const DEMO_BUSINESS_COUNT = 300;
/** Registry-only enterprises: known to the Department, not (yet) on the portal. */
export const DEMO_REGISTRY_COUNT = 1500;
export const DEMO_PASSWORD = 'demo-portal-2025';
/** Every demo login; `demo:remove` deletes exactly these accounts (and those of demo businesses). */
export const DEMO_STAFF_EMAILS = [
  'demo-doanhnghiep@example.com',
  'demo-totruong@example.com',
  'demo-canbo-xa@example.com',
  'demo-canbo-tinh@example.com',
] as const;
/** Audit action written by `demo:remove`: once removed, the demo is never seeded again. */
export const DEMO_REMOVED_ACTION = 'demo_remove';

export type DemoLogin = { role: string; login: string; password: string };

const DAY = 24 * 60 * 60 * 1000;

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

async function batchAll(db: Db, statements: unknown[]): Promise<void> {
  if (statements.length) await db.batch(statements as never);
}

/** Demo businesses, logins and activity for one province; runs only once, and never after a removal. */
export async function seedDemo(db: Db, opts: { provinceCode: string; now: Date }): Promise<DemoLogin[] | null> {
  const [existing] = await db.select({ n: count() }).from(businesses).where(eq(businesses.isDemo, true));
  if ((existing?.n ?? 0) > 0) return null;
  const [removed] = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, DEMO_REMOVED_ACTION));
  if ((removed?.n ?? 0) > 0) return null;
  const wards = await db
    .select({ code: communes.code, name: communes.name })
    .from(communes)
    .where(eq(communes.provinceCode, opts.provinceCode));
  if (wards.length === 0) throw new Error(`No communes seeded for province ${opts.provinceCode}`);

  const demo = generateDemoBusinesses({ count: DEMO_BUSINESS_COUNT, wards, seed: 20250701, now: opts.now });
  const registry = registryOnly(demo, wards, opts.now);
  const inRegistry = mulberry32(37);
  const row = (b: DemoBusiness, registryOnlyRow: boolean) => {
    // Most enterprises are in the provincial registry; households and co-op groups are not.
    const known =
      registryOnlyRow || (b.producerType === 'enterprise' ? inRegistry() < 0.85 : b.producerType === 'cooperative' && inRegistry() < 0.5);
    return {
      taxCode: b.taxCode,
      name: b.name,
      nameSearch: toSearchKey(b.name),
      sector: b.sector,
      employees: b.employees,
      employeesRegistry: known ? b.employees : null,
      revenueVnd: b.revenueVnd,
      producerType: b.producerType,
      communeCode: b.communeCode,
      sizeClass: sizeClass({ sector: b.sector, employees: b.employees, revenueVnd: b.revenueVnd }),
      inRegistry: known,
      isDemo: true,
      createdAt: b.createdAt,
      updatedAt: b.createdAt,
    };
  };
  await batchAll(db, [
    ...chunks(demo, 100).map((part) => db.insert(businesses).values(part.map((b) => row(b, false)))),
    ...chunks(registry, 100).map((part) => db.insert(businesses).values(part.map((b) => row(b, true)))),
  ]);

  // Demo logins: one business owner, a helper and an officer for the first demo commune, a province officer.
  const [firstBiz] = await db
    .select()
    .from(businesses)
    .where(and(eq(businesses.isDemo, true), eq(businesses.taxCode, demo[0]!.taxCode)))
    .limit(1);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const commune = firstBiz!.communeCode;
  const [ownerEmail, helperEmail, communeOfficerEmail, provinceOfficerEmail] = DEMO_STAFF_EMAILS;
  const logins = [
    { role: 'business' as const, email: ownerEmail, displayName: firstBiz!.name, businessId: firstBiz!.id },
    { role: 'helper' as const, email: helperEmail, displayName: 'Tổ công nghệ số (mẫu)', scopeCommuneCode: commune },
    { role: 'officer' as const, email: communeOfficerEmail, displayName: 'Cán bộ xã (mẫu)', scopeCommuneCode: commune },
    { role: 'officer' as const, email: provinceOfficerEmail, displayName: 'Cán bộ Sở Công Thương (mẫu)' },
  ];
  await db
    .insert(users)
    .values(
      logins.map((l) => ({
        role: l.role,
        email: l.email,
        displayName: l.displayName,
        passwordHash,
        businessId: 'businessId' in l ? l.businessId : null,
        scopeProvinceCode: l.role === 'business' ? null : opts.provinceCode,
        scopeCommuneCode: 'scopeCommuneCode' in l ? l.scopeCommuneCode : null,
        createdAt: opts.now,
      })),
    )
    .onConflictDoNothing();
  const [helper] = await db.select({ id: users.id }).from(users).where(eq(users.email, helperEmail)).limit(1);
  const portal = await db
    .select()
    .from(businesses)
    .where(
      and(
        eq(businesses.isDemo, true),
        inArray(
          businesses.taxCode,
          demo.map((b) => b.taxCode).filter((t): t is string => t !== null),
        ),
      ),
    );
  const ordered = demo.map((d) => portal.find((b) => b.taxCode === d.taxCode)!);

  await seedDemoAssessments(db, ordered, opts.now);
  await seedDemoOcop(db, ordered, helper?.id ?? null, opts.now);
  await seedDemoHelpRequests(db, ordered, commune, helper?.id ?? null, opts.now);
  await seedDemoTargets(db, opts.provinceCode, opts.now);
  return logins.map((l) => ({ role: l.role, login: l.email, password: DEMO_PASSWORD }));
}

/** Registry rows: enterprises only, none sharing a tax code or a name with the portal's demo businesses. */
function registryOnly(demo: DemoBusiness[], wards: { code: string; name: string }[], now: Date): DemoBusiness[] {
  const taken = new Set(demo.map((b) => b.taxCode));
  const names = new Set(demo.map((b) => toSearchKey(b.name)));
  const out: DemoBusiness[] = [];
  for (const b of generateDemoBusinesses({ count: Math.ceil(DEMO_REGISTRY_COUNT * 2.2), wards, seed: 20240101, now })) {
    if (out.length >= DEMO_REGISTRY_COUNT) break;
    if (b.producerType !== 'enterprise' || taken.has(b.taxCode) || names.has(toSearchKey(b.name))) continue;
    taken.add(b.taxCode);
    names.add(toSearchKey(b.name));
    out.push(b);
  }
  return out;
}

/**
 * Submitted assessments for about 70 % of demo businesses, spread over the last four quarters;
 * each is followed by `refreshBusinessFacts`, the same step that follows a real submission.
 */
async function seedDemoAssessments(db: Db, demo: (typeof businesses.$inferSelect)[], now: Date): Promise<void> {
  const rnd = mulberry32(70);
  const catalog = await catalogSnapshot(db);
  for (const b of demo) {
    if (rnd() > 0.7 || !b.sector || b.employees === null) continue;
    const framework = getFramework(demoFrameworkId(b.producerType))!;
    const profile = toProfile({
      sector: b.sector,
      employees: b.employees,
      revenueVnd: b.revenueVnd,
      capitalVnd: b.capitalVnd,
      producerType: b.producerType,
      communeCode: b.communeCode,
    });
    const answers = demoAssessmentAnswers(framework, profile, b.producerType, rnd);
    const result = scoreAssessment(framework, profile, answers);
    const submittedAt = new Date(now.getTime() - Math.floor(rnd() * 360) * DAY);
    await db.insert(assessments).values({
      businessId: b.id,
      sequence: 1,
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      status: 'submitted',
      profile,
      answers,
      currentStep: 'done',
      result,
      score: result.score,
      points: result.points,
      level: result.level,
      sector: profile.sector,
      sizeClass: profile.sizeClass ?? null,
      communeCode: b.communeCode,
      startedAt: submittedAt,
      updatedAt: submittedAt,
      submittedAt,
    });
    await refreshBusinessFacts(db, b.id, catalog);
  }
}

/** OCOP producers drawn from the demo businesses by type and sector, with their products and listings. */
async function seedDemoOcop(db: Db, demo: (typeof businesses.$inferSelect)[], helperId: number | null, now: Date): Promise<void> {
  const used = new Set<number>();
  const statements: unknown[] = [];
  const products: { businessId: number; producerType: string; spec: (typeof DEMO_OCOP_PRODUCERS)[number]['products'][number] }[] = [];
  for (const [i, p] of DEMO_OCOP_PRODUCERS.entries()) {
    const biz =
      demo.find((b) => !used.has(b.id) && b.producerType === p.producerType && (p.sectors as readonly string[]).includes(b.sector ?? '')) ??
      demo.find((b) => !used.has(b.id) && b.producerType === p.producerType);
    if (!biz) continue;
    used.add(biz.id);
    const grantedAt = new Date(now.getTime() - (200 + i) * DAY);
    const consent = {
      businessId: biz.id,
      method: 'assisted_paper' as const,
      consentedByName: 'Đại diện cơ sở (mẫu)',
      relation: biz.producerType === 'household' ? 'self' : 'coop_representative',
      recordedBy: helperId,
      grantedAt,
    };
    statements.push(
      db
        .insert(consents)
        .values([
          { ...consent, purpose: 'processing' as const },
          { ...consent, purpose: 'share_province' as const },
          ...(p.publish ? [{ ...consent, purpose: 'publish_products' as const }] : []),
        ]),
    );
    for (const spec of p.products) products.push({ businessId: biz.id, producerType: biz.producerType, spec });
  }
  await batchAll(db, statements);

  const communeOf = new Map(demo.map((b) => [b.id, b.communeCode]));
  const inserted = await db
    .insert(ocopProducts)
    .values(
      products.map(({ businessId, spec }, i) => ({
        businessId,
        name: spec.name,
        nameSearch: toSearchKey(spec.name),
        productGroup: spec.group,
        stars: spec.stars,
        certificateNo: `MẪU-${spec.certificateYear}-${String(i + 1).padStart(3, '0')}`,
        certificateYear: spec.certificateYear,
        communeCode: communeOf.get(businessId)!,
        description: spec.description,
        isDemo: true,
        createdBy: helperId,
        createdAt: new Date(now.getTime() - 320 * DAY),
        updatedAt: new Date(now.getTime() - 320 * DAY),
      })),
    )
    .returning({ id: ocopProducts.id });

  const history: unknown[] = [];
  for (const [i, { producerType, spec }] of products.entries()) {
    const productId = inserted[i]!.id;
    const floors = floorsForProduct({ group: spec.group }, OCOP_FLOORS);
    for (const [floorId, steps] of Object.entries(spec.listings ?? {})) {
      const floor = floors.find((f) => f.id === floorId);
      if (!floor) throw new Error(`Demo product ${spec.name}: floor ${floorId} does not take ${spec.group}`);
      let from: ListingStatus = 'not_listed';
      for (const step of steps) {
        // The same rule the listing form applies: a listed product needs a link on the floor's domain.
        const check = validateTransition({
          from,
          to: step.status,
          url: step.status === 'listed' ? demoListingUrl(floorId, spec.searchWords ?? spec.name) : null,
          floor,
        });
        if (!check.ok) throw new Error(`Demo listing ${spec.name} on ${floorId}: ${check.message}`);
        history.push(
          db.insert(productListings).values({
            productId,
            floorId,
            status: step.status,
            url: check.url ?? null,
            changedBy: helperId,
            changedAt: new Date(now.getTime() - step.daysAgo * DAY),
          }),
        );
        from = step.status;
      }
      // What was ticked on the way: everything for a listed product, the first items while preparing.
      const items = requirementsFor(floor, { group: spec.group }, producerType as never);
      const ticked = from === 'preparing' ? items.slice(0, Math.ceil(items.length / 2)) : items;
      for (const itemId of ticked)
        history.push(
          db.insert(productChecklist).values({
            productId,
            floorId,
            itemId,
            updatedBy: helperId,
            updatedAt: new Date(now.getTime() - (steps[0]?.daysAgo ?? 0) * DAY),
          }),
        );
    }
  }
  await batchAll(db, history);
}

const HELP_REQUESTS: readonly {
  need: string;
  kind: 'trial' | 'advice';
  message: string;
  status: 'new' | 'contacted' | 'done';
  daysAgo: number;
}[] = [
  {
    need: 'accounting',
    kind: 'advice',
    message: 'Muốn được tư vấn chọn phần mềm kế toán phù hợp hộ nhỏ (dữ liệu mẫu).',
    status: 'new',
    daysAgo: 2,
  },
  {
    need: 'ecommerce_marketplace',
    kind: 'trial',
    message: 'Cần hướng dẫn mở gian hàng trên sàn thương mại điện tử (dữ liệu mẫu).',
    status: 'new',
    daysAgo: 5,
  },
  {
    need: 'cashless_payment',
    kind: 'advice',
    message: 'Nhờ cài mã QR nhận tiền tại quầy (dữ liệu mẫu).',
    status: 'contacted',
    daysAgo: 12,
  },
  {
    need: 'e_invoice',
    kind: 'advice',
    message: 'Hỏi cách xuất hóa đơn điện tử từ máy tính tiền (dữ liệu mẫu).',
    status: 'new',
    daysAgo: 1,
  },
  { need: 'farm_ocop_floor', kind: 'advice', message: 'Muốn đưa sản phẩm OCOP lên Postmart (dữ liệu mẫu).', status: 'new', daysAgo: 8 },
  {
    need: 'sales_management',
    kind: 'trial',
    message: 'Muốn dùng thử ứng dụng quản lý bán hàng (dữ liệu mẫu).',
    status: 'contacted',
    daysAgo: 20,
  },
  { need: 'online_presence', kind: 'advice', message: 'Cần giúp đưa cửa hàng lên bản đồ số (dữ liệu mẫu).', status: 'done', daysAgo: 40 },
  { need: 'cybersecurity', kind: 'advice', message: 'Hỏi cách sao lưu dữ liệu an toàn (dữ liệu mẫu).', status: 'new', daysAgo: 3 },
];

/** Help requests: the first three from the demo commune (its helper's and officer's worklist), the rest province-wide. */
async function seedDemoHelpRequests(
  db: Db,
  demo: (typeof businesses.$inferSelect)[],
  commune: string,
  helperId: number | null,
  now: Date,
): Promise<void> {
  const local = demo.filter((b) => b.communeCode === commune);
  const elsewhere = demo.filter((b) => b.communeCode !== commune);
  const statements = HELP_REQUESTS.map((h, i) => {
    const b = i < 3 ? local[i % local.length]! : elsewhere[(i * 37) % elsewhere.length]!;
    const at = new Date(now.getTime() - h.daysAgo * DAY);
    // The demo commune's worklist shows the staff tools: one request assigned to its helper with a due
    // date next week, one past its due date (highlighted as overdue).
    const local3 = i < 3;
    const work =
      local3 && h.status === 'contacted'
        ? { assignedTo: helperId, dueDate: vietnamDay(new Date(now.getTime() + 7 * DAY)) }
        : local3 && h.status === 'new' && h.daysAgo > 5
          ? { assignedTo: null, dueDate: vietnamDay(new Date(now.getTime() - 2 * DAY)) }
          : { assignedTo: null, dueDate: null };
    return db.insert(helpRequests).values({
      businessId: b.id,
      need: h.need,
      platformId: null,
      kind: h.kind,
      message: h.message,
      consentVendor: false,
      status: h.status,
      note: h.status === 'new' ? null : 'Đã gọi điện hẹn lịch (dữ liệu mẫu).',
      ...work,
      statusChangedAt: h.status === 'new' ? null : at,
      // Demo changes are not news to the demo business.
      businessSeenAt: h.status === 'new' ? null : at,
      createdAt: at,
      updatedAt: at,
    });
  });
  await batchAll(db, statements);
}

const QD_411 = 'QĐ 411/QĐ-TTg (31/3/2022), Chiến lược quốc gia phát triển kinh tế số và xã hội số';
const QD_411_EN = 'Decision 411/QĐ-TTg (31 March 2022), national strategy for the digital economy and digital society';
const SAMPLE = 'Mục tiêu mẫu (dữ liệu mẫu, không phải chỉ tiêu chính thức của tỉnh)';
const SAMPLE_EN = 'Sample target (demo data, not an official provincial figure)';
const SAMPLE_BASELINE = 'mốc là số liệu mẫu';
const SAMPLE_BASELINE_EN = 'the baseline is sample data';

/**
 * The demo's targets. `gap` is how far (percentage points) the sample baseline puts the expected
 * value above today's value, so each status shows: ≤ 0 on track, up to 5 at risk, more off track.
 */
export const DEMO_TARGETS = [
  {
    indicatorId: 'sme_platform_adoption',
    targetValue: 70,
    targetDate: '2030-12-31',
    gap: 2.5,
    basis: `${QD_411}: trên 70% doanh nghiệp nhỏ và vừa sử dụng nền tảng số năm 2030 (mốc 2025: trên 50%); ${SAMPLE_BASELINE} / ${QD_411_EN}: over 70% of SMEs using digital platforms by 2030 (2025 milestone: over 50%); ${SAMPLE_BASELINE_EN}`,
  },
  {
    indicatorId: 'econtract_adoption',
    targetValue: 100,
    targetDate: '2030-12-31',
    gap: 12,
    basis: `${QD_411}: 100% doanh nghiệp sử dụng hợp đồng điện tử năm 2030 (mốc 2025: trên 80%); ${SAMPLE_BASELINE} / ${QD_411_EN}: 100% of enterprises using e-contracts by 2030 (2025 milestone: over 80%); ${SAMPLE_BASELINE_EN}`,
  },
  { indicatorId: 'einvoice_adoption', targetValue: 95, targetDate: 'next-year', gap: -2, basis: `${SAMPLE} / ${SAMPLE_EN}` },
  { indicatorId: 'epayment_adoption', targetValue: 90, targetDate: 'next-year', gap: -1, basis: `${SAMPLE} / ${SAMPLE_EN}` },
  { indicatorId: 'ocop_products_on_ecommerce', targetValue: 80, targetDate: 'next-year', gap: 3, basis: `${SAMPLE} / ${SAMPLE_EN}` },
] as const;

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** The baseline value that puts the straight line `gap` points above `current` today (clamped to 0–100). */
export function sampleBaseline(current: number, target: number, baselineDate: Date, targetDate: Date, now: Date, gap: number): number {
  const f = (now.getTime() - baselineDate.getTime()) / (targetDate.getTime() - baselineDate.getTime());
  const b = (current + gap - target * f) / (1 - f);
  return Math.round(Math.max(0, Math.min(100, b)) * 10) / 10;
}

/** Province-wide targets read against this year's values, as the dashboard reads them. */
async function seedDemoTargets(db: Db, provinceCode: string, now: Date): Promise<void> {
  // The denominators cache is per process, not per database: start from a clean one.
  clearIndicatorCaches();
  const view = await computeView(db, { period: currentPeriod(now, 'year'), provinceCode });
  const year = Number(isoDate(now).slice(0, 4));
  const baselineDate = isoDate(new Date(now.getTime() - 365 * DAY));
  const rows = [];
  for (const t of DEMO_TARGETS) {
    const current = view.values.find((v) => v.id === t.indicatorId)?.value ?? 0;
    const targetDate = t.targetDate === 'next-year' ? `${year + 1}-12-31` : t.targetDate;
    const baselineValue = sampleBaseline(current, t.targetValue, new Date(baselineDate), new Date(targetDate), now, t.gap);
    // Sanity: the line must start below the target (a target below its baseline reads as achieved).
    if (
      expectedAt({ date: new Date(baselineDate), value: baselineValue }, { date: new Date(targetDate), value: t.targetValue }, now) >
      t.targetValue
    )
      continue;
    rows.push({
      indicatorId: t.indicatorId,
      communeCode: '',
      baselineDate,
      baselineValue,
      targetDate,
      targetValue: t.targetValue,
      basis: t.basis,
      isDemo: true,
      createdAt: now,
    });
  }
  if (rows.length) await db.insert(indicatorTargets).values(rows);
}

export type DemoRemovalReport = { businesses: number; products: number; targets: number; accounts: number };

/**
 * Deletes every demo row: each demo business leaves the counters first (`removeBusinessFacts`, the
 * erasure path), then the businesses go with everything attached to them (assessments, consents,
 * products and listings, help requests, their accounts), then the demo staff accounts and targets.
 * Records the removal in the audit log, which also stops the next start from seeding the demo again.
 */
export async function removeDemo(db: Db, now: Date): Promise<DemoRemovalReport> {
  const demo = await db.select({ id: businesses.id }).from(businesses).where(eq(businesses.isDemo, true));
  for (const b of demo) await removeBusinessFacts(db, b.id);
  const [products] = await db.select({ n: count() }).from(ocopProducts).where(eq(ocopProducts.isDemo, true));
  const [targets] = await db.select({ n: count() }).from(indicatorTargets).where(eq(indicatorTargets.isDemo, true));
  const accounts = await db
    .select({ id: users.id })
    .from(users)
    .where(inArray(users.email, [...DEMO_STAFF_EMAILS]));
  const ownerAccounts = demo.length
    ? await db
        .select({ id: users.id })
        .from(users)
        .where(
          inArray(
            users.businessId,
            demo.map((b) => b.id),
          ),
        )
    : [];
  const accountIds = [...new Set([...accounts, ...ownerAccounts].map((a) => a.id))];
  await db.batch([
    // Products are demo only on demo businesses; the extra delete keeps a stray one from surviving.
    db.delete(ocopProducts).where(eq(ocopProducts.isDemo, true)),
    db.delete(indicatorTargets).where(eq(indicatorTargets.isDemo, true)),
    ...chunks(accountIds, 200).map((ids) => db.delete(users).where(inArray(users.id, ids))),
    // Cascades to assessments, answers, consents, marks, help requests, claims and products.
    db.delete(businesses).where(eq(businesses.isDemo, true)),
    db.insert(auditLog).values(
      auditValues(
        {
          actorUserId: null,
          action: DEMO_REMOVED_ACTION,
          entity: 'demo',
          detail: { businesses: demo.length, products: products?.n ?? 0, targets: targets?.n ?? 0, accounts: accountIds.length },
        },
        now,
      ),
    ),
    // A running server's workers drop their cached public pages within a second.
    ...changeStatements(db, 'catalog', 'ocop', 'indicators'),
  ]);
  return { businesses: demo.length, products: products?.n ?? 0, targets: targets?.n ?? 0, accounts: accountIds.length };
}
