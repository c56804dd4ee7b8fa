import type { APIRoute } from 'astro';
import { getDb } from '#src/server/config/db.ts';
import { localePath } from '#src/i18n/index.ts';
import { deleteSessionCookie, invalidateSession } from '#src/server/auth/session.ts';
import { isSecureRequest } from '#src/server/http/request.ts';

export const POST: APIRoute = async ({ locals, cookies, redirect, request, url }) => {
  if (locals.sessionId) await invalidateSession(getDb(), locals.sessionId);
  deleteSessionCookie(cookies, isSecureRequest(request, url));
  // Tell the browser to drop anything it cached for this person.
  const res = redirect(localePath(locals.lang, '/'), 303);
  res.headers.set('Clear-Site-Data', '"cache"');
  return res;
};
