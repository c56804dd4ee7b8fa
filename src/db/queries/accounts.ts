import { asc, eq, or, sql, count, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '#src/db/client.ts';
import { allColumns, bind, fixedText, qualifiedColumns, qualifiedName, tableName, tableReader } from '#src/db/fixed-statements.ts';
import { businesses, communes, consents, users, auditLog, type Business } from '#src/db/schema/index.ts';
import { type Role } from '#src/reference/roles.ts';
import { type Scope } from '#src/domain/access.ts';

export async function findUserByLogin(db: Db, identifier: string) {
  const rows = await db
    .select()
    .from(users)
    .where(or(eq(users.email, identifier), eq(users.phone, identifier)))
    .limit(1);
  return rows[0];
}

export async function findUserById(db: Db, id: number) {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0];
}

export async function businessByTaxCode(db: Db, taxCode: string) {
  const rows = await db.select({ id: businesses.id }).from(businesses).where(eq(businesses.taxCode, taxCode)).limit(1);
  return rows[0];
}

export type BusinessWithLocation = Business & { provinceCode: string; communeName: string };

// Read on every request about a business: a fixed text, its row read by position (see fixed-statements.ts).
const BUSINESS_WITH_LOCATION = fixedText(
  `select ${qualifiedColumns(businesses)}, ${qualifiedName(communes.provinceCode)}, ${qualifiedName(communes.name)} ` +
    `from ${tableName(businesses)} inner join ${tableName(communes)} on ${qualifiedName(communes.code)} = ${qualifiedName(businesses.communeCode)} ` +
    `where ${qualifiedName(businesses.id)} = ? limit 1`,
);
const readBusiness = tableReader(businesses);
const BUSINESS_COLUMNS = allColumns(businesses).length;

export async function businessById(db: Db, id: number): Promise<BusinessWithLocation | undefined> {
  const [row] = await db.values(bind(BUSINESS_WITH_LOCATION, [id]));
  return row
    ? { ...readBusiness(row), provinceCode: row[BUSINESS_COLUMNS] as string, communeName: row[BUSINESS_COLUMNS + 1] as string }
    : undefined;
}

/**
 * The WHERE clause that limits business rows to what a scope may see. It reads only the `businesses`
 * table, so it holds whatever else the query joins (e.g. communes on another column).
 */
export function businessScopeWhere(scope: Scope): SQL {
  switch (scope.kind) {
    case 'all':
      return sql`1 = 1`;
    case 'province':
      return sql`${businesses.communeCode} IN (SELECT ${communes.code} FROM ${communes} WHERE ${communes.provinceCode} = ${scope.provinceCode})`;
    case 'commune':
      return eq(businesses.communeCode, scope.communeCode);
    case 'business':
      return eq(businesses.id, scope.businessId);
    case 'none':
      return sql`1 = 0`;
  }
}

/**
 * The one way to filter business rows for an actor: the scope AND every other condition, each in
 * its own parentheses, so an OR inside a search condition can never widen the scope.
 */
export function whereInScope(scope: Scope, ...conditions: (SQL | undefined)[]): SQL {
  const parts = [businessScopeWhere(scope), ...conditions.filter((c): c is SQL => c !== undefined)];
  return sql.join(
    parts.map((c) => sql`(${c})`),
    sql` AND `,
  );
}

/** User text inside a LIKE pattern matches itself only: `%`, `_` and the escape character are escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function likeContains(column: SQLiteColumn, text: string): SQL {
  return sql`${column} LIKE ${`%${escapeLike(text)}%`} ESCAPE '\\'`;
}

export function likeStartsWith(column: SQLiteColumn, text: string): SQL {
  return sql`${column} LIKE ${`${escapeLike(text)}%`} ESCAPE '\\'`;
}

export const BUSINESS_PAGE_SIZE = 50;

export async function listBusinesses(db: Db, scope: Scope, opts: { page: number; q?: string; communeCode?: string }) {
  const where = whereInScope(
    scope,
    opts.q ? or(likeContains(businesses.nameSearch, opts.q), likeStartsWith(businesses.taxCode, opts.q)) : undefined,
    opts.communeCode ? eq(businesses.communeCode, opts.communeCode) : undefined,
  );
  const [total] = await db
    .select({ n: count() })
    .from(businesses)
    .innerJoin(communes, eq(businesses.communeCode, communes.code))
    .where(where);
  const rows = await db
    .select({
      id: businesses.id,
      name: businesses.name,
      taxCode: businesses.taxCode,
      sector: businesses.sector,
      producerType: businesses.producerType,
      communeName: communes.name,
      isDemo: businesses.isDemo,
    })
    .from(businesses)
    .innerJoin(communes, eq(businesses.communeCode, communes.code))
    .where(where)
    .orderBy(asc(businesses.nameSearch), asc(businesses.id))
    .limit(BUSINESS_PAGE_SIZE)
    .offset(Math.max(0, opts.page - 1) * BUSINESS_PAGE_SIZE);
  return { total: total?.n ?? 0, rows };
}

export async function listStaff(db: Db) {
  return db
    .select({
      id: users.id,
      role: users.role,
      email: users.email,
      phone: users.phone,
      displayName: users.displayName,
      scopeProvinceCode: users.scopeProvinceCode,
      scopeCommuneCode: users.scopeCommuneCode,
      communeName: communes.name,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(communes, eq(users.scopeCommuneCode, communes.code))
    .where(sql`${users.role} <> 'business'`)
    .orderBy(asc(users.role), asc(users.id));
}

export async function communesOfProvince(db: Db, provinceCode: string) {
  return db
    .select({ code: communes.code, name: communes.name, type: communes.type })
    .from(communes)
    .where(eq(communes.provinceCode, provinceCode))
    .orderBy(asc(communes.searchKey));
}

type Commune = typeof communes.$inferSelect;
// Communes are reference data written only by the seed, before the portal serves: one found is kept (per database;
// a code not found is asked again, in case the seed adds it later).
const knownCommunes = new WeakMap<Db, Map<string, Readonly<Commune>>>();

export async function communeByCode(db: Db, code: string): Promise<Readonly<Commune> | undefined> {
  let kept = knownCommunes.get(db);
  if (!kept) knownCommunes.set(db, (kept = new Map()));
  const found = kept.get(code);
  if (found) return found;
  const [row] = await db.select().from(communes).where(eq(communes.code, code)).limit(1);
  if (row) kept.set(code, Object.freeze(row));
  return row;
}

/** The commune with this code when it belongs to the province; undefined otherwise (unknown or elsewhere). */
export async function communeInProvince(db: Db, code: string, provinceCode: string) {
  const commune = await communeByCode(db, code);
  return commune?.provinceCode === provinceCode ? commune : undefined;
}

export type NewAudit = { actorUserId: number | null; action: string; entity: string; entityId?: string; detail?: unknown };

export function auditValues(a: NewAudit, now: Date) {
  return {
    actorUserId: a.actorUserId,
    action: a.action,
    entity: a.entity,
    entityId: a.entityId ?? null,
    detail: a.detail === undefined ? null : JSON.stringify(a.detail),
    at: now,
  };
}

export { users, businesses, consents, auditLog };
export type { Role };
