import { aliasedTable, and, asc, desc, eq, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { auditLog, businesses, communes, helpRequests, users } from '#src/db/schema/index.ts';
import type { Scope } from '#src/domain/access.ts';
import type { HelpStatus } from '#src/domain/help-requests.ts';
import { whereInScope } from './accounts.ts';

const assignee = aliasedTable(users, 'assignee');

const LIST_COLUMNS = {
  id: helpRequests.id,
  need: helpRequests.need,
  platformId: helpRequests.platformId,
  kind: helpRequests.kind,
  message: helpRequests.message,
  consentVendor: helpRequests.consentVendor,
  status: helpRequests.status,
  note: helpRequests.note,
  createdAt: helpRequests.createdAt,
  updatedAt: helpRequests.updatedAt,
  contactMethod: helpRequests.contactMethod,
  contactValue: helpRequests.contactValue,
  contactConsentAt: helpRequests.contactConsentAt,
  assignedTo: helpRequests.assignedTo,
  assigneeName: assignee.displayName,
  dueDate: helpRequests.dueDate,
  statusChangedAt: helpRequests.statusChangedAt,
  businessSeenAt: helpRequests.businessSeenAt,
  businessId: businesses.id,
  businessName: businesses.name,
  communeName: communes.name,
  communeCode: businesses.communeCode,
  provinceCode: communes.provinceCode,
};

function listQuery(db: Db) {
  return db
    .select(LIST_COLUMNS)
    .from(helpRequests)
    .innerJoin(businesses, eq(businesses.id, helpRequests.businessId))
    .innerJoin(communes, eq(communes.code, businesses.communeCode))
    .leftJoin(assignee, eq(assignee.id, helpRequests.assignedTo));
}

export type HelpListFilter = { status?: HelpStatus; overdueBefore?: string; assignedTo?: number };

/** The worklist: requests of businesses in the scope; open ones first, the earliest due first. */
export async function helpRequestsInScope(db: Db, scope: Scope, filter: HelpListFilter = {}) {
  return listQuery(db)
    .where(
      whereInScope(
        scope,
        filter.status ? eq(helpRequests.status, filter.status) : undefined,
        filter.overdueBefore
          ? and(isNotNull(helpRequests.dueDate), lt(helpRequests.dueDate, filter.overdueBefore), ne(helpRequests.status, 'done'))
          : undefined,
        filter.assignedTo !== undefined ? eq(helpRequests.assignedTo, filter.assignedTo) : undefined,
      ),
    )
    .orderBy(
      sql`CASE ${helpRequests.status} WHEN 'new' THEN 0 WHEN 'unreachable' THEN 1 WHEN 'contacted' THEN 2 WHEN 'in_progress' THEN 3 ELSE 4 END`,
      sql`${helpRequests.dueDate} IS NULL`,
      asc(helpRequests.dueDate),
      desc(helpRequests.createdAt),
    )
    .limit(500);
}

export type HelpRequestRow = Awaited<ReturnType<typeof helpRequestsOfBusiness>>[number];

export async function helpRequestById(db: Db, id: number) {
  const rows = await listQuery(db).where(eq(helpRequests.id, id)).limit(1);
  return rows[0];
}

/** One business's requests, newest first. */
export async function helpRequestsOfBusiness(db: Db, businessId: number) {
  return listQuery(db).where(eq(helpRequests.businessId, businessId)).orderBy(desc(helpRequests.createdAt), desc(helpRequests.id));
}

/** Status changes the business has not been shown yet. */
export async function unseenHelpChanges(db: Db, businessId: number) {
  return listQuery(db)
    .where(
      and(
        eq(helpRequests.businessId, businessId),
        isNotNull(helpRequests.statusChangedAt),
        or(isNull(helpRequests.businessSeenAt), lt(helpRequests.businessSeenAt, helpRequests.statusChangedAt)),
      ),
    )
    .orderBy(desc(helpRequests.statusChangedAt));
}

/** Marks the given requests' changes as seen, up to `now` (a change made after it stays unseen). */
export async function markHelpChangesSeen(db: Db, businessId: number, ids: number[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(helpRequests)
    .set({ businessSeenAt: now })
    .where(and(eq(helpRequests.businessId, businessId), sql`${helpRequests.id} IN (${sql.join(ids, sql`, `)})`));
}

/** Active helpers of one commune: the only people a request of that commune can be assigned to. */
export async function helpersOfCommune(db: Db, communeCode: string): Promise<{ id: number; displayName: string }[]> {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.role, 'helper'), eq(users.scopeCommuneCode, communeCode), isNull(users.disabledAt)))
    .orderBy(asc(users.displayName), asc(users.id));
}

/** Active helpers of every commune in a list, grouped by commune (one query for a whole worklist). */
export async function helpersByCommune(db: Db, communeCodes: string[]): Promise<Map<string, { id: number; displayName: string }[]>> {
  const out = new Map<string, { id: number; displayName: string }[]>();
  if (communeCodes.length === 0) return out;
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, commune: users.scopeCommuneCode })
    .from(users)
    .where(
      and(
        eq(users.role, 'helper'),
        isNull(users.disabledAt),
        sql`${users.scopeCommuneCode} IN (${sql.join(
          [...new Set(communeCodes)].map((c) => sql`${c}`),
          sql`, `,
        )})`,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));
  for (const r of rows) {
    const list = out.get(r.commune!) ?? [];
    list.push({ id: r.id, displayName: r.displayName });
    out.set(r.commune!, list);
  }
  return out;
}

/** Every recorded change of one request, oldest first, with who made it. */
export async function helpRequestHistory(db: Db, id: number) {
  return db
    .select({ action: auditLog.action, detail: auditLog.detail, at: auditLog.at, actorName: users.displayName, actorRole: users.role })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.entity, 'help_request'), eq(auditLog.entityId, String(id))))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
}

export async function userDisplayName(db: Db, id: number | null): Promise<string | null> {
  if (id === null) return null;
  const rows = await db.select({ n: users.displayName }).from(users).where(eq(users.id, id)).limit(1);
  return rows[0]?.n ?? null;
}

/** The e-mail addresses of the business's own (enabled) accounts: where status changes are sent. */
export async function ownerEmails(db: Db, businessId: number): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.businessId, businessId), eq(users.role, 'business'), isNull(users.disabledAt), isNotNull(users.email)));
  return rows.map((r) => r.email!).filter(Boolean);
}
