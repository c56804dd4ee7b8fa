import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { frameworkUploads, type FrameworkUpload } from '#src/db/schema/index.ts';

export async function publishedUploads(db: Db): Promise<FrameworkUpload[]> {
  return db
    .select()
    .from(frameworkUploads)
    .where(eq(frameworkUploads.status, 'published'))
    .orderBy(asc(frameworkUploads.frameworkId), asc(frameworkUploads.version));
}

export async function listUploads(db: Db): Promise<FrameworkUpload[]> {
  return db.select().from(frameworkUploads).orderBy(desc(frameworkUploads.id));
}

export async function uploadById(db: Db, id: number): Promise<FrameworkUpload | undefined> {
  const [row] = await db.select().from(frameworkUploads).where(eq(frameworkUploads.id, id));
  return row;
}

export const draftUpload = (id: number) => and(eq(frameworkUploads.id, id), eq(frameworkUploads.status, 'draft'));
