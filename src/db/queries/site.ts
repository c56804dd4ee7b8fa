import { eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { provinces } from '#src/db/schema/index.ts';

/** The province the portal serves, as the administrative-units reference names it. */
export async function provinceByCode(db: Db, code: string): Promise<{ code: string; name: string; type: string } | undefined> {
  const rows = await db.select().from(provinces).where(eq(provinces.code, code)).limit(1);
  return rows[0];
}
