/**
 * Frameworks loaded as data: an administrator uploads a framework file (kept as a draft), previews it as a
 * questionnaire and publishes it as a new version. Published files join the registry in this process at
 * once and in every other process at its next request after the shared catalog counter moved
 * (`ensurePublishedFrameworks`). Nothing is published when a
 * file fails validation; a published row is never changed, so assessments answered with it keep their
 * framework, and stored results are never re-scored.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { auditLog, frameworkUploads, type FrameworkUpload } from '#src/db/schema/index.ts';
import { auditValues } from '#src/db/queries/accounts.ts';
import { draftUpload, listUploads, publishedUploads, uploadById } from '#src/db/queries/frameworks.ts';
import { frameworkRegistry } from '#src/content/frameworks/registry.ts';
import { checkFrameworkFile, issuePath } from '#src/domain/framework/file.ts';
import type { Framework } from '#src/domain/framework/schema.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '#src/server/http/errors.ts';
import { isUniqueViolation } from '#src/server/http/db-errors.ts';
import type { Actor } from '#src/server/auth/guards.ts';
import { changeVersions, publicChanged } from './changes.ts';

let loaded: Promise<void> | undefined;
let loadedAtVersion = -1;

/**
 * Adds every published upload to the registry (a broken row is logged and skipped): once per process, and again
 * whenever the shared catalog counter moved, so a framework published in another worker is offered here too.
 */
export async function ensurePublishedFrameworks(db: Db): Promise<void> {
  const version = (await changeVersions(db)).catalog;
  if (loaded && loadedAtVersion === version) return loaded;
  loadedAtVersion = version;
  loaded = (async () => {
    for (const row of await publishedUploads(db)) {
      if (frameworkRegistry.getFramework(row.frameworkId, row.version)) continue;
      try {
        frameworkRegistry.add(JSON.parse(row.data));
      } catch (e) {
        console.error(`Published framework ${row.frameworkId} v${row.version} could not be loaded:`, e instanceof Error ? e.message : e);
      }
    }
  })().catch((e: unknown) => {
    // Try again on the next request rather than never.
    loaded = undefined;
    throw e;
  });
  return loaded;
}

function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new ForbiddenError();
}

const INVALID_FILE = { vi: 'Tệp bộ tiêu chí không hợp lệ, chưa có gì được lưu', en: 'The framework file is not valid; nothing was saved' };

/** The file's problems as field issues: the path in the file, then the message. */
function fileIssues(text: string): { framework?: Framework; issues: { path: (string | number)[]; message: string }[] } {
  const checked = checkFrameworkFile(text);
  if (checked.ok) return { framework: checked.framework, issues: [] };
  return { issues: checked.issues.map((i) => ({ path: i.path, message: `${issuePath(i.path)}: ${i.message}` })) };
}

/** A version that would not be the newest of its id cannot be published: old results name their version. */
function requireNewVersion(framework: Framework): void {
  const newest = frameworkRegistry.getFramework(framework.id);
  if (newest && framework.version <= newest.version) {
    throw new ValidationError(
      [
        {
          path: ['version'],
          message: `version: phải lớn hơn ${newest.version}, phiên bản mới nhất của "${framework.id}" / must be greater than ${newest.version}, the newest version of "${framework.id}"`,
        },
      ],
      INVALID_FILE,
    );
  }
}

/** Every uploaded file, newest first (administrators only). */
export async function frameworkUploadsFor(db: Db, actor: Actor): Promise<FrameworkUpload[]> {
  requireAdmin(actor);
  return listUploads(db);
}

/** Validates and stores an uploaded file as a draft; nothing is stored when it is not valid. */
export async function uploadFramework(db: Db, actor: Actor, text: string, now: Date): Promise<FrameworkUpload> {
  requireAdmin(actor);
  const { framework, issues } = fileIssues(text);
  if (!framework) throw new ValidationError(issues, INVALID_FILE);
  requireNewVersion(framework);
  const audit = auditValues(
    {
      actorUserId: actor.id,
      action: 'framework_upload',
      entity: 'framework',
      entityId: `${framework.id}@${framework.version}`,
    },
    now,
  );
  const [[row]] = await db.batch([
    db
      .insert(frameworkUploads)
      .values({ frameworkId: framework.id, version: framework.version, data: text, status: 'draft', uploadedBy: actor.id, uploadedAt: now })
      .returning(),
    db.insert(auditLog).values(audit),
  ]);
  return row!;
}

/** A stored upload with its framework (validated again: the schema may have changed since it was stored). */
export async function loadUpload(db: Db, actor: Actor, id: number): Promise<{ upload: FrameworkUpload; framework: Framework }> {
  requireAdmin(actor);
  const upload = Number.isSafeInteger(id) && id > 0 ? await uploadById(db, id) : undefined;
  if (!upload) throw new NotFoundError();
  const { framework, issues } = fileIssues(upload.data);
  if (!framework) throw new ValidationError(issues, INVALID_FILE);
  return { upload, framework };
}

/** Publishes a draft as a new version: stored first (atomically with its audit entry), then registered. */
export async function publishFramework(db: Db, actor: Actor, id: number, now: Date): Promise<Framework> {
  const { upload, framework } = await loadUpload(db, actor, id);
  if (upload.status !== 'draft')
    throw new ConflictError({ vi: 'Bộ tiêu chí này đã được công bố', en: 'This framework is already published' });
  requireNewVersion(framework);
  const audit = auditValues(
    { actorUserId: actor.id, action: 'framework_publish', entity: 'framework', entityId: `${framework.id}@${framework.version}` },
    now,
  );
  try {
    const [updated] = await db.batch([
      db
        .update(frameworkUploads)
        .set({ status: 'published', publishedAt: now })
        .where(draftUpload(upload.id))
        .returning({ id: frameworkUploads.id }),
      db.run(
        sql`insert into ${auditLog} (actor_user_id, action, entity, entity_id, detail, at)
            select ${audit.actorUserId}, ${audit.action}, ${audit.entity}, ${audit.entityId}, ${audit.detail}, ${now.getTime()}
            where changes() = 1`,
      ),
    ]);
    if (updated.length === 0) throw new ConflictError({ vi: 'Bộ tiêu chí này đã được công bố', en: 'This framework is already published' });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new ConflictError({ vi: 'Phiên bản này đã được công bố', en: 'This version has already been published' });
    }
    throw e;
  }
  const added = frameworkRegistry.getFramework(framework.id, framework.version) ?? frameworkRegistry.add(JSON.parse(upload.data));
  // The other workers load it at their next request; cached framework documents are dropped.
  await publicChanged(db, 'catalog');
  return added;
}
