// Indicator targets: province staff (the Department's province officers and administrators) set, per indicator, the
// province's or a commune's baseline and target; commune officers see their commune's on the dashboard.
import { formValue, parseWith } from '#src/server/http/forms.ts';
import { z } from 'zod';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { auditLog, indicatorTargets, users } from '#src/db/schema/index.ts';
import { auditValues, communesOfProvince } from '#src/db/queries/accounts.ts';
import { SCALAR_INDICATOR_IDS } from '#src/domain/indicators/definitions.ts';
import { ValidationError } from '#src/server/http/errors.ts';
import { optionalFreeText } from '#src/domain/text.ts';
import { NUMBER_INPUT_MESSAGES, parseNumberInput } from '#src/domain/number-input.ts';
import { requireProvinceStaff, type Actor } from '#src/server/auth/guards.ts';
import { clearIndicatorCaches } from './indicators.ts';
import { publicChanged } from './changes.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày dạng YYYY-MM-DD / Date as YYYY-MM-DD');
// A share as people type it: "87,5" as well as "87.5" (the shared number rule), between 0 and 100.
const num = z
  .string({ error: 'Vui lòng nhập số / Please enter a number' })
  .transform((raw, ctx) => {
    const parsed = parseNumberInput(raw);
    if (!parsed.ok) {
      ctx.addIssue({
        code: 'custom',
        message: parsed.reason === 'blank' ? 'Vui lòng nhập số / Please enter a number' : NUMBER_INPUT_MESSAGES[parsed.reason],
      });
      return z.NEVER;
    }
    return parsed.value;
  })
  .pipe(z.number().min(0, 'Từ 0 đến 100 / 0 to 100').max(100, 'Từ 0 đến 100 / 0 to 100'));
const TargetSchema = z.object({
  indicatorId: z.enum(SCALAR_INDICATOR_IDS as unknown as [string, ...string[]], {
    error: 'Vui lòng chọn chỉ số / Please choose an indicator',
  }),
  communeCode: z
    .string()
    .regex(/^(\d{5})?$/)
    .optional()
    .default(''),
  baselineDate: date,
  baselineValue: num,
  targetDate: date,
  targetValue: num,
  basis: optionalFreeText({
    label: { vi: 'căn cứ', en: 'basis' },
    max: 500,
    messages: { max: 'Căn cứ tối đa 500 ký tự / The basis is at most 500 characters' },
  }),
});

/** Sets (or replaces) the target of one indicator for the province ('') or one of its communes; province staff only. */
export async function setTarget(
  db: Db,
  actor: Actor | null,
  form: Record<string, string | string[]>,
  ctx: { provinceCode: string; now: Date },
): Promise<void> {
  const staff = requireProvinceStaff(actor);
  const t = parseWith(TargetSchema, Object.fromEntries(Object.keys(form).map((k) => [k, formValue(form, k)])));
  if (t.targetDate <= t.baselineDate)
    throw new ValidationError([
      { path: ['targetDate'], message: 'Hạn mục tiêu phải sau ngày mốc / The deadline must be after the baseline date' },
    ]);
  if (t.communeCode && !(await communesOfProvince(db, ctx.provinceCode)).some((c) => c.code === t.communeCode))
    throw new ValidationError([{ path: ['communeCode'], message: 'Xã/phường không thuộc tỉnh / Commune not in the province' }]);
  const now = ctx.now;
  // One target per indicator and unit: a new one replaces the old.
  await db.batch([
    db
      .delete(indicatorTargets)
      .where(and(eq(indicatorTargets.indicatorId, t.indicatorId), eq(indicatorTargets.communeCode, t.communeCode))),
    db.insert(indicatorTargets).values({ ...t, createdBy: staff.id, createdAt: now }),
    db.insert(auditLog).values(
      auditValues(
        {
          actorUserId: staff.id,
          action: 'set_target',
          entity: 'indicator_target',
          entityId: `${t.indicatorId}:${t.communeCode}`,
          detail: t,
        },
        now,
      ),
    ),
  ]);
  clearIndicatorCaches();
  await publicChanged(db, 'indicators');
}

/** The targets page: every target in force and the province's communes (to name them and to choose one). */
export async function targetsOverview(db: Db, actor: Actor | null, provinceCode: string) {
  requireProvinceStaff(actor);
  const [communes, targets] = await Promise.all([
    communesOfProvince(db, provinceCode),
    db
      .select({ target: indicatorTargets, setByName: users.displayName, setByRole: users.role })
      .from(indicatorTargets)
      .leftJoin(users, eq(users.id, indicatorTargets.createdBy))
      .orderBy(asc(indicatorTargets.indicatorId), asc(indicatorTargets.communeCode)),
  ]);
  return { communes, targets };
}
