import type { APIRoute } from 'astro';
import { getDb } from '../db/client.ts';
import { localePath } from '../i18n/index.ts';
import { deleteSessionCookie, invalidateSession } from '../lib/server/session.ts';
import { isSecureRequest } from '../lib/server/request.ts';

export const POST: APIRoute = async ({ locals, cookies, redirect, request, url }) => {
  if (locals.sessionId) await invalidateSession(getDb(), locals.sessionId);
  deleteSessionCookie(cookies, isSecureRequest(request, url));
  // Tell the browser to drop anything it cached for this person.
  const res = redirect(localePath(locals.lang, '/'), 303);
  res.headers.set('Clear-Site-Data', '"cache"');
  return res;
};
