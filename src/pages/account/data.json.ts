import type { APIRoute } from 'astro';
import { getDb } from '#src/server/config/db.ts';
import { exportMyData } from '#src/server/services/personal-data.ts';

export const GET: APIRoute = async ({ locals }) => {
  const data = await exportMyData(getDb(), locals.user);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': 'attachment; filename="du-lieu-cua-toi.json"',
      'cache-control': 'private, no-store',
    },
  });
};
