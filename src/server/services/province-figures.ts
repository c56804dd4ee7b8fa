// Province-level figures entered by province officers (definitions: src/domain/indicators/province-figures.ts).
import { desc, eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { auditLog, provinceFigures } from '#src/db/schema/index.ts';
import { auditValues } from '#src/db/queries/accounts.ts';
import {
  PROVINCE_FIGURES,
  ProvinceFigureFormSchema,
  meetsNationalTarget,
  type ProvinceFigureDefinition,
} from '#src/domain/indicators/province-figures.ts';
import { parsePeriod } from '#src/domain/indicators/periods.ts';
import { ValidationError } from '#src/server/http/errors.ts';
import { requireProvinceStaff, type Actor } from '#src/server/auth/guards.ts';
import { publicChanged } from './changes.ts';

/** Records one figure for one period (the newest entry is the one shown; earlier ones stay as history). */
export async function enterProvinceFigure(db: Db, actor: Actor | null, form: Record<string, string | string[]>, now: Date): Promise<void> {
  const staff = requireProvinceStaff(actor);
  const parsed = ProvinceFigureFormSchema.safeParse(form);
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => ({ path: i.path as string[], message: i.message })));
  const f = parsed.data;
  await db.batch([
    db.insert(provinceFigures).values({
      figureId: f.figureId,
      periodId: f.periodId,
      value: f.value,
      source: f.source,
      asOf: f.asOf,
      enteredBy: staff.id,
      enteredAt: now,
    }),
    db.insert(auditLog).values(
      auditValues(
        {
          actorUserId: staff.id,
          action: 'province_figure',
          entity: 'province_figure',
          entityId: `${f.figureId}:${f.periodId}`,
          detail: { value: f.value, source: f.source, asOf: f.asOf },
        },
        now,
      ),
    ),
  ]);
  await publicChanged(db, 'indicators');
}

export type ProvinceFigureRow = {
  definition: ProvinceFigureDefinition;
  value: number | null;
  source: string | null;
  asOf: string | null;
  target: { value: number; year: number; met: boolean; source: { vi: string; en: string } } | null;
};

/** Every figure of the table for a period: the newest entry each, or an empty row. */
export async function provinceFiguresFor(db: Db, periodId: string): Promise<ProvinceFigureRow[]> {
  const rows = await db.select().from(provinceFigures).where(eq(provinceFigures.periodId, periodId)).orderBy(desc(provinceFigures.id));
  const year = parsePeriod(periodId)?.year ?? 0;
  return PROVINCE_FIGURES.map((definition) => {
    const latest = rows.find((r) => r.figureId === definition.id);
    const met = latest ? meetsNationalTarget(definition.id, year, latest.value) : null;
    return {
      definition,
      value: latest?.value ?? null,
      source: latest?.source ?? null,
      asOf: latest?.asOf ?? null,
      target: met ? { value: met.target.value, year: met.target.year, met: met.met, source: met.target.source } : null,
    };
  });
}
