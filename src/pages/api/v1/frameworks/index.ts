import type { APIRoute } from 'astro';
import { listFrameworks } from '#src/content/frameworks/registry.ts';
import { json } from '#src/server/http/errors.ts';

export const GET: APIRoute = async () =>
  json({ frameworks: listFrameworks().map((f) => ({ id: f.id, version: f.version, title: f.title })) }, 200, {
    'cache-control': 'public, max-age=300',
  });
