import type { APIRoute } from 'astro';
import { listFrameworks } from '#src/content/frameworks/registry.ts';
import { REFERENCE_FRAMEWORKS } from '#src/content/frameworks/references.ts';
import { frameworkSummary, publicMeta } from '#src/domain/framework/public.ts';
import { json } from '#src/server/http/errors.ts';

export const GET: APIRoute = async () =>
  json(
    {
      frameworks: listFrameworks().map(frameworkSummary),
      // National frameworks whose official tables could not be found: listed, never offered or scored.
      withoutQuestionnaire: REFERENCE_FRAMEWORKS.map((r) => ({
        id: r.id,
        title: r.title,
        ...publicMeta(r.meta),
        published: r.published ?? null,
        missing: r.missing,
      })),
    },
    200,
    // Short: an administrator may publish a framework at any time.
    { 'cache-control': 'public, max-age=60' },
  );
