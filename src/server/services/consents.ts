import { and, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '#src/db/client.ts';
import { auditLog, consents, users } from '#src/db/schema/index.ts';
import { auditValues, type BusinessWithLocation } from '#src/db/queries/accounts.ts';
import {
  CONSENT_PURPOSES,
  ConsentCorrectionSchema,
  ConsentPurposeSchema,
  OnBehalfSchema,
  type ConsentPurpose,
  type OnBehalf,
} from '#src/domain/ocop/consent.ts';
import { ConflictError, ForbiddenError, ValidationError } from '#src/server/http/errors.ts';
import { formValue } from '#src/server/http/forms.ts';
import { type Actor } from '#src/server/auth/guards.ts';
import { canEditBusiness } from '#src/domain/access.ts';
import { eraseBusiness } from './personal-data.ts';
import { hasAccount } from './producers.ts';
import { parseWith } from '#src/server/http/forms.ts';
import { publicChanged } from './changes.ts';

type Form = Record<string, string | string[]>;

export const WITHDRAW_PROCESSING_SELF =
  'Rút lại sự đồng ý xử lý dữ liệu nghĩa là xóa tài khoản và toàn bộ dữ liệu của cơ sở (Cổng không thể giữ tài khoản mà không xử lý dữ liệu). Hãy dùng “Xóa tài khoản và dữ liệu” tại trang Dữ liệu của tôi. / Withdrawing consent to processing means erasing the account and all its data (the portal cannot keep an account without processing it). Use “Erase my account and data” on the My data page.';
const WITHDRAW_PROCESSING_HAS_ACCOUNT =
  'Người sản xuất đã có tài khoản riêng: họ tự xóa tài khoản và dữ liệu tại trang Dữ liệu của tôi. / The producer has its own account: they erase the account and data themselves on the My data page.';
const CONFIRM_ERASE = 'Gõ XOA để xác nhận xóa toàn bộ dữ liệu của cơ sở / Type XOA to confirm erasing all the producer’s data';

export type ConsentEntry = {
  id: number;
  method: string;
  consentedByName: string | null;
  relation: string | null;
  grantedAt: Date;
  withdrawnAt: Date | null;
  recorder: { name: string; role: string } | null;
  /** Recorded by someone other than the producer's own account: a helper acting on its behalf. */
  onBehalf: boolean;
};

/** Every purpose, its current record (if granted) and its full history, newest first. */
export async function consentsOfBusiness(
  db: Db,
  businessId: number,
): Promise<{ purpose: ConsentPurpose; current: ConsentEntry | null; history: ConsentEntry[] }[]> {
  const recorder = alias(users, 'recorder');
  const rows = await db
    .select({ c: consents, recorderName: recorder.displayName, recorderRole: recorder.role, recorderBusiness: recorder.businessId })
    .from(consents)
    .leftJoin(recorder, eq(recorder.id, consents.recordedBy))
    .where(eq(consents.businessId, businessId))
    .orderBy(desc(consents.grantedAt), desc(consents.id));
  const entries = rows.map((r) => ({
    purpose: r.c.purpose,
    entry: {
      id: r.c.id,
      method: r.c.method,
      consentedByName: r.c.consentedByName,
      relation: r.c.relation,
      grantedAt: r.c.grantedAt,
      withdrawnAt: r.c.withdrawnAt,
      recorder: r.recorderName ? { name: r.recorderName, role: r.recorderRole! } : null,
      onBehalf: r.c.recordedBy !== null && r.recorderBusiness !== businessId,
    } satisfies ConsentEntry,
  }));
  return CONSENT_PURPOSES.map((purpose) => {
    const history = entries.filter((e) => e.purpose === purpose).map((e) => e.entry);
    return { purpose, current: history.find((h) => h.withdrawnAt === null) ?? null, history };
  });
}

/** The producer itself, or staff who may change its record (helpers of its commune, administrators). */
export function canManageConsents(actor: Actor, business: BusinessWithLocation): boolean {
  return canEditBusiness(actor, business);
}

export type ConsentChange = { kind: 'changed'; purpose: ConsentPurpose } | { kind: 'erased' };

/**
 * Grants, withdraws or corrects one consent purpose. A helper acting for the producer records who
 * asked, in what capacity and how; the helper is kept as the recorder and in the audit log.
 * Withdrawing `processing` is erasure: the producer does it from its own account (password
 * re-entered); a helper may record it only for a producer without an account, after typing XOA.
 */
export async function changeConsent(db: Db, actor: Actor, business: BusinessWithLocation, form: Form, now: Date): Promise<ConsentChange> {
  if (!canManageConsents(actor, business)) throw new ForbiddenError();
  // Without JavaScript one form carries a button per purpose: `change=withdraw:share_vendors`.
  const [intent, rawPurpose] = formValue(form, 'change')?.split(':') ?? [formValue(form, 'intent'), formValue(form, 'purpose')];
  if (intent !== 'grant' && intent !== 'withdraw' && intent !== 'correct') {
    throw new ValidationError([{ path: ['intent'], message: 'Thao tác không hợp lệ / Unknown action' }]);
  }
  // The purpose comes as a bare value: its issues belong to the `purpose` field.
  const purpose = parseWith(ConsentPurposeSchema, rawPurpose, { prefix: ['purpose'] });
  const self = actor.role === 'business';
  const [current] = await db
    .select()
    .from(consents)
    .where(and(eq(consents.businessId, business.id), eq(consents.purpose, purpose), isNull(consents.withdrawnAt)))
    .orderBy(desc(consents.id))
    .limit(1);
  const audit = (action: string, detail: Record<string, unknown>) =>
    db
      .insert(auditLog)
      .values(
        auditValues(
          { actorUserId: actor.id, action, entity: 'business', entityId: String(business.id), detail: { purpose, ...detail } },
          now,
        ),
      );

  if (intent === 'correct') {
    const correction = parseWith(ConsentCorrectionSchema, {
      consentedBy: formValue(form, 'consentedBy'),
      relation: formValue(form, 'relation'),
    });
    if (!current)
      throw new ConflictError(
        'Mục đích này chưa được đồng ý nên không có gì để sửa / This purpose is not granted, so there is nothing to correct',
      );
    // The audit says that a correction happened and by whom; the names live only in the record.
    await db.batch([
      db
        .update(consents)
        .set({ consentedByName: correction.consentedBy, relation: correction.relation })
        .where(eq(consents.id, current.id)),
      audit('consent_correct', { onBehalf: !self }),
    ]);
    return { kind: 'changed', purpose };
  }

  let onBehalf: OnBehalf | null = null;
  if (!self) {
    onBehalf = parseWith(OnBehalfSchema, {
      consentedBy: formValue(form, 'consentedBy'),
      relation: formValue(form, 'relation'),
      method: formValue(form, 'method'),
    });
  }

  if (intent === 'grant') {
    if (current) return { kind: 'changed', purpose };
    await db.batch([
      db.insert(consents).values({
        businessId: business.id,
        userId: self ? actor.id : null,
        purpose,
        method: onBehalf ? onBehalf.method : 'online_form',
        consentedByName: onBehalf ? onBehalf.consentedBy : null,
        relation: onBehalf ? onBehalf.relation : 'self',
        recordedBy: actor.id,
        grantedAt: now,
      }),
      audit('consent_grant', { method: onBehalf ? onBehalf.method : 'online_form', onBehalf: !self }),
    ]);
    await publicChanged(db, 'ocop');
    return { kind: 'changed', purpose };
  }

  if (purpose === 'processing') {
    if (self) throw new ConflictError(WITHDRAW_PROCESSING_SELF);
    if (await hasAccount(db, business.id)) throw new ConflictError(WITHDRAW_PROCESSING_HAS_ACCOUNT);
    if (formValue(form, 'confirm')?.trim().toUpperCase() !== 'XOA')
      throw new ValidationError([{ path: ['confirm'], message: CONFIRM_ERASE }], CONFIRM_ERASE);
    await eraseBusiness(db, business.id, actor.id, now);
    return { kind: 'erased' };
  }
  if (!current) return { kind: 'changed', purpose };
  await db.batch([
    db
      .update(consents)
      .set({ withdrawnAt: now })
      .where(and(eq(consents.businessId, business.id), eq(consents.purpose, purpose), isNull(consents.withdrawnAt))),
    audit(
      'consent_withdraw',
      onBehalf
        ? { method: onBehalf.method, onBehalf: true, requestedBy: onBehalf.consentedBy, relation: onBehalf.relation }
        : { method: 'online_form', onBehalf: false },
    ),
  ]);
  await publicChanged(db, 'ocop');
  return { kind: 'changed', purpose };
}
