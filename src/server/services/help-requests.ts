// Help requests, both sides: a business asks (choosing how to be called back), staff of its commune
// work the request through its statuses, and the business is told of each change.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '#src/db/client.ts';
import { auditLog, helpRequests } from '#src/db/schema/index.ts';
import { auditValues, type BusinessWithLocation } from '#src/db/queries/accounts.ts';
import { platformById } from '#src/db/queries/platforms.ts';
import {
  helpersByCommune,
  helpersOfCommune,
  helpRequestById,
  helpRequestHistory,
  helpRequestsInScope,
  helpRequestsOfBusiness,
  markHelpChangesSeen,
  ownerEmails,
  unseenHelpChanges,
  type HelpRequestRow,
} from '#src/db/queries/help-requests.ts';
import { canEditBusiness, canSeeBusiness, scopeOf } from '#src/domain/access.ts';
import {
  checkHelpTransition,
  dueDateProblem,
  HelpContactSchema,
  HELP_STATUSES,
  isHelpOverdue,
  type HelpContact,
  type HelpStatus,
} from '#src/domain/help-requests.ts';
import { issuesFromZod, type FieldIssue } from '#src/domain/issues.ts';
import { vietnamDay } from '#src/domain/time.ts';
import { NEED_IDS, NEEDS } from '#src/domain/platforms/schema.ts';
import { optionalFreeText } from '#src/domain/text.ts';
import { HELP_STATUS_NAMES } from '#src/i18n/labels.ts';
import { requireRole, type Actor } from '#src/server/auth/guards.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '#src/server/http/errors.ts';
import { parseWith } from '#src/server/http/forms.ts';
import { sendMail, type MailOutcome } from '#src/server/output/mail.ts';
import { expectChanges, isGuardFailure } from './facts.ts';

/** A request as shown: the contact only where the business agreed to share it, and whether it is late. */
export type HelpRequestView = Omit<HelpRequestRow, 'contactMethod' | 'contactValue' | 'status'> & {
  status: HelpStatus;
  contact: HelpContact | null;
  overdue: boolean;
};

function toView(row: HelpRequestRow, today: string): HelpRequestView {
  const { contactMethod, contactValue, ...rest } = row;
  const status = row.status as HelpStatus;
  return {
    ...rest,
    status,
    // Stored only with the agreement, and checked again here: no consent, no contact on any page.
    contact: row.contactConsentAt && contactMethod && contactValue ? { method: contactMethod, value: contactValue } : null,
    overdue: isHelpOverdue({ status, dueDate: row.dueDate }, today),
  };
}

/** Form values as single strings; a repeated key keeps its first value. */
function single(form: Record<string, unknown>): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(form).map(([k, v]) => [k, Array.isArray(v) ? String(v[0] ?? '') : v == null ? undefined : String(v)]),
  );
}

const blankToUndefined = (form: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(form).map(([k, v]) => [k, v === '' ? undefined : v]));

const NewHelpSchema = z.object({
  need: z.enum(NEED_IDS, { error: 'Mục không hợp lệ / Unknown item' }),
  platform: z.string().max(80).optional(),
  kind: z.enum(['trial', 'advice'], { error: 'Vui lòng chọn loại hỗ trợ / Please choose the kind of help' }),
  message: optionalFreeText({
    label: { vi: 'lời nhắn', en: 'message' },
    max: 1000,
    multiline: true,
    messages: { max: 'Lời nhắn tối đa 1000 ký tự / Message is at most 1000 characters' },
  }),
  consentVendor: z.literal('yes').optional(),
});

/** Every problem of the form at once, the first one as the headline (the error page shows only that). */
function refuse(issues: FieldIssue[]): never {
  throw new ValidationError(issues, issues[0]?.message);
}

/**
 * "Nhờ cán bộ hướng dẫn": the business (or a helper of its commune, an administrator) asks for a
 * trial or advice, optionally leaving a contact it explicitly agrees to share with the staff.
 */
export async function createHelpRequest(
  db: Db,
  actor: Actor,
  business: BusinessWithLocation,
  form: Record<string, unknown>,
  now: Date,
): Promise<{ id: number; need: string }> {
  if (!canEditBusiness(actor, business)) throw new ForbiddenError();
  const input = blankToUndefined(single(form));
  const base = NewHelpSchema.safeParse(input);
  const contact = HelpContactSchema.safeParse(input);
  const issues = [...(base.success ? [] : issuesFromZod(base.error)), ...(contact.success ? [] : issuesFromZod(contact.error))];
  if (!base.success || !contact.success) refuse(issues);
  const a = base.data;
  if (a.platform) {
    const p = await platformById(db, a.platform);
    if (!p || !(p.needs as readonly string[]).includes(a.need)) {
      refuse([{ path: ['platform'], message: 'Nền tảng không phù hợp với mục này / This platform does not fit this item' }]);
    }
  }
  const c = contact.data;
  const [inserted] = await db.batch([
    db
      .insert(helpRequests)
      .values({
        businessId: business.id,
        need: a.need,
        platformId: a.platform ?? null,
        kind: a.kind,
        message: a.message ?? null,
        consentVendor: a.consentVendor === 'yes',
        status: 'new',
        contactMethod: c?.method ?? null,
        contactValue: c?.value ?? null,
        contactConsentAt: c ? now : null,
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: helpRequests.id }),
    // The request's own history starts here (last_insert_rowid() is the row just inserted, same connection).
    db.run(
      sql`insert into ${auditLog} (actor_user_id, action, entity, entity_id, detail, at)
          values (${actor.id}, 'help_create', 'help_request', cast(last_insert_rowid() as text),
                  ${JSON.stringify({ status: 'new', kind: a.kind, contactMethod: c?.method ?? null })}, ${now.getTime()})`,
    ),
    db.insert(auditLog).values(
      auditValues(
        {
          actorUserId: actor.id,
          action: 'help_request',
          entity: 'business',
          entityId: String(business.id),
          detail: { need: a.need, kind: a.kind },
        },
        now,
      ),
    ),
  ]);
  return { id: inserted[0]!.id, need: a.need };
}

/** One business's requests, for its own pages and for staff who may see the business. */
export async function helpRequestsOfBusinessFor(db: Db, actor: Actor, business: BusinessWithLocation, now: Date) {
  if (!canSeeBusiness(actor, business)) throw new NotFoundError();
  const today = vietnamDay(now);
  return (await helpRequestsOfBusiness(db, business.id)).map((r) => toView(r, today));
}

/**
 * Status changes the business has not seen yet, marked seen as they are returned: shown once, at
 * its next visit. Only the business's own account consumes them (a helper looking does not).
 */
export async function takeHelpNotices(db: Db, actor: Actor, business: BusinessWithLocation, now: Date): Promise<HelpRequestView[]> {
  if (actor.role !== 'business' || actor.businessId !== business.id) return [];
  const rows = await unseenHelpChanges(db, business.id);
  await markHelpChangesSeen(
    db,
    business.id,
    rows.map((r) => r.id),
    now,
  );
  const today = vietnamDay(now);
  return rows.map((r) => toView(r, today));
}

export type WorklistFilter = { status?: HelpStatus; overdue?: boolean; mine?: boolean };

export function parseWorklistFilter(params: URLSearchParams): WorklistFilter {
  const status = params.get('status');
  return {
    status: (HELP_STATUSES as readonly string[]).includes(status ?? '') ? (status as HelpStatus) : undefined,
    overdue: params.get('overdue') === '1' || undefined,
    mine: params.get('mine') === '1' || undefined,
  };
}

/** The worklist: requests of businesses in the staff member's scope, with the helpers each may go to. */
export async function worklistFor(db: Db, actor: Actor | null, filter: WorklistFilter, now: Date) {
  const staff = requireRole(actor, 'officer', 'helper', 'admin');
  const today = vietnamDay(now);
  const rows = await helpRequestsInScope(db, scopeOf(staff), {
    status: filter.status,
    overdueBefore: filter.overdue ? today : undefined,
    assignedTo: filter.mine ? staff.id : undefined,
  });
  const helpers = await helpersByCommune(
    db,
    rows.map((r) => r.communeCode),
  );
  return { today, requests: rows.map((r) => toView(r, today)), helpers };
}

/** One request of one business, for whoever may see the business; 404 otherwise (ids cannot be probed). */
export async function helpRequestDetail(db: Db, actor: Actor, business: BusinessWithLocation, requestId: number, now: Date) {
  if (!canSeeBusiness(actor, business)) throw new NotFoundError();
  const row = Number.isSafeInteger(requestId) && requestId > 0 ? await helpRequestById(db, requestId) : undefined;
  if (!row || row.businessId !== business.id) throw new NotFoundError();
  const [history, helpers] = await Promise.all([helpRequestHistory(db, row.id), helpersOfCommune(db, row.communeCode)]);
  return {
    request: toView(row, vietnamDay(now)),
    history: history.map((h) => ({ ...h, detail: h.detail ? (JSON.parse(h.detail) as Record<string, unknown>) : {} })),
    helpers: actor.role === 'business' ? [] : helpers,
  };
}

const optionalId = z.union([z.literal(''), z.coerce.number().int().positive()], {
  error: 'Người được giao không hợp lệ / Unknown assignee',
});

const UpdateSchema = z.object({
  id: z.coerce.number({ error: 'Yêu cầu không hợp lệ / Unknown request' }).int().positive(),
  status: z.enum(HELP_STATUSES, { error: 'Trạng thái không hợp lệ / Unknown status' }),
  // Absent: unchanged; empty: cleared.
  assignedTo: optionalId.optional(),
  dueDate: z.string().max(10, 'Hạn xử lý không phải một ngày hợp lệ / The due date is not a valid date').optional(),
  note: z.string().optional(),
});

const NoteSchema = optionalFreeText({
  label: { vi: 'ghi chú', en: 'note' },
  max: 1000,
  multiline: true,
  messages: { max: 'Ghi chú tối đa 1000 ký tự / The note is at most 1000 characters' },
});

export type HelpUpdateResult = { changed: boolean; statusChanged: boolean; mail: Promise<MailOutcome> };

const NOT_ASSIGNABLE =
  'Chỉ có thể giao cho thành viên tổ công nghệ số cộng đồng của xã/phường nơi doanh nghiệp đặt trụ sở / A request can only be assigned to a community digital team member of the business’s commune';

/**
 * Staff whose scope covers the business move a request along (status flow of the domain), assign
 * it to a helper of that commune, set a due date and a note. Every change is one atomic batch with
 * its audit line; a request changed by someone else meanwhile is refused rather than overwritten.
 * The business is e-mailed about a status change when SMTP is configured; the e-mail never decides
 * whether the change happens.
 */
export async function updateHelpRequest(
  db: Db,
  actor: Actor | null,
  form: Record<string, unknown>,
  now: Date,
  origin: string,
): Promise<HelpUpdateResult> {
  const staff = requireRole(actor, 'officer', 'helper', 'admin');
  const change = parseWith(UpdateSchema, single(form));
  const found = await helpRequestById(db, change.id);
  if (!found || !canSeeBusiness(staff, { id: found.businessId, communeCode: found.communeCode, provinceCode: found.provinceCode }))
    throw new NotFoundError();
  const from = found.status as HelpStatus;
  const transition = checkHelpTransition(from, change.status);
  if (!transition.ok) throw new ConflictError(transition.message, [{ path: ['status'], message: transition.message }]);

  const issues: FieldIssue[] = [];
  let assignedTo = found.assignedTo;
  if (change.assignedTo !== undefined) {
    const wanted = change.assignedTo === '' ? null : change.assignedTo;
    if (wanted !== null && wanted !== found.assignedTo) {
      const helpers = await helpersOfCommune(db, found.communeCode);
      if (!helpers.some((h) => h.id === wanted)) issues.push({ path: ['assignedTo'], message: NOT_ASSIGNABLE });
    }
    assignedTo = wanted;
  }
  let dueDate = found.dueDate;
  if (change.dueDate !== undefined) {
    const wanted = change.dueDate.trim() === '' ? null : change.dueDate.trim();
    if (wanted !== null && wanted !== found.dueDate) {
      const problem = dueDateProblem(wanted, vietnamDay(now));
      if (problem) issues.push({ path: ['dueDate'], message: problem });
    }
    dueDate = wanted;
  }
  let note = found.note;
  if (change.note !== undefined) {
    const parsed = NoteSchema.safeParse(change.note);
    if (!parsed.success) issues.push(...issuesFromZod(parsed.error, ['note']));
    else note = parsed.data ?? null;
  }
  if (issues.length) refuse(issues);

  const diff: Record<string, { from: unknown; to: unknown }> = {};
  if (transition.changed) diff.status = { from, to: change.status };
  if (assignedTo !== found.assignedTo) diff.assignedTo = { from: found.assignedTo, to: assignedTo };
  if (dueDate !== found.dueDate) diff.dueDate = { from: found.dueDate, to: dueDate };
  if (note !== found.note) diff.note = { from: found.note, to: note };
  if (Object.keys(diff).length === 0) return { changed: false, statusChanged: false, mail: Promise.resolve('skipped') };

  try {
    await db.batch([
      db
        .update(helpRequests)
        .set({
          status: change.status,
          assignedTo,
          dueDate,
          note,
          updatedAt: now,
          handledBy: staff.id,
          ...(transition.changed ? { statusChangedAt: now } : {}),
        })
        .where(and(eq(helpRequests.id, found.id), eq(helpRequests.updatedAt, found.updatedAt), eq(helpRequests.status, from))),
      expectChanges(db, 1),
      db
        .insert(auditLog)
        .values(
          auditValues(
            { actorUserId: staff.id, action: 'help_update', entity: 'help_request', entityId: String(found.id), detail: diff },
            now,
          ),
        ),
    ]);
  } catch (e) {
    if (!isGuardFailure(e)) throw e;
    throw new ConflictError(
      'Yêu cầu vừa được người khác cập nhật. Vui lòng tải lại trang và thử lại / Someone else just updated this request. Reload the page and try again',
    );
  }
  const mail = transition.changed ? mailStatusChange(db, found, change.status, origin) : Promise.resolve<MailOutcome>('skipped');
  return { changed: true, statusChanged: transition.changed, mail };
}

function needName(id: string) {
  return NEEDS.find((n) => n.id === id)?.name ?? { vi: id, en: id };
}

/** The e-mail about a status change: both languages, no personal data beyond the business's own name. */
export function statusMail(request: Pick<HelpRequestRow, 'id' | 'businessId' | 'businessName' | 'need'>, to: HelpStatus, origin: string) {
  const status = HELP_STATUS_NAMES[to]!;
  const need = needName(request.need);
  const link = new URL(`/businesses/${request.businessId}/help/${request.id}`, origin).href;
  return {
    subject: `Yêu cầu hỗ trợ: ${status.vi} / Help request: ${status.en}`,
    text: [
      `Kính gửi ${request.businessName},`,
      '',
      `Yêu cầu hỗ trợ “${need.vi}” của bạn đã chuyển sang trạng thái: ${status.vi}.`,
      `Xem chi tiết: ${link}`,
      '',
      '---',
      '',
      `Dear ${request.businessName},`,
      '',
      `Your help request “${need.en}” is now: ${status.en}.`,
      `Details: ${link}`,
    ].join('\n'),
  };
}

async function mailStatusChange(db: Db, request: HelpRequestRow, to: HelpStatus, origin: string): Promise<MailOutcome> {
  try {
    const recipients = await ownerEmails(db, request.businessId);
    if (request.contactConsentAt && request.contactMethod === 'email' && request.contactValue) recipients.push(request.contactValue);
    return await sendMail({ to: recipients, ...statusMail(request, to, origin) });
  } catch (error) {
    console.error('help-request e-mail not sent:', error);
    return 'failed';
  }
}

/**
 * The business takes back the contact it left on a request: the contact is erased (not hidden),
 * so no page and no export can show it again.
 */
export async function withdrawHelpContact(db: Db, actor: Actor, business: BusinessWithLocation, requestId: number, now: Date) {
  if (!canEditBusiness(actor, business)) throw new ForbiddenError();
  const row = Number.isSafeInteger(requestId) && requestId > 0 ? await helpRequestById(db, requestId) : undefined;
  if (!row || row.businessId !== business.id) throw new NotFoundError();
  if (!row.contactConsentAt && !row.contactValue) return;
  await db.batch([
    db
      .update(helpRequests)
      .set({ contactMethod: null, contactValue: null, contactConsentAt: null, updatedAt: now })
      .where(eq(helpRequests.id, row.id)),
    db
      .insert(auditLog)
      .values(
        auditValues(
          { actorUserId: actor.id, action: 'help_contact_withdraw', entity: 'help_request', entityId: String(row.id), detail: {} },
          now,
        ),
      ),
  ]);
}
