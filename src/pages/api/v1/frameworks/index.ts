import type { APIRoute } from 'astro';
import { listFrameworks } from '../../../../domain/framework/registry.ts';
import { json } from '../../../../lib/server/errors.ts';

export const GET: APIRoute = async () =>
  json({ frameworks: listFrameworks().map((f) => ({ id: f.id, version: f.version, title: f.title })) }, 200, {
    'cache-control': 'public, max-age=300',
  });
