import type { APIRoute } from 'astro';
import { getDb } from '#src/server/config/db.ts';
import { localePath } from '#src/i18n/index.ts';
import { loadBusiness } from '#src/server/services/assessments.ts';
import { readForm } from '#src/server/http/body.ts';
import { formValue } from '#src/server/http/forms.ts';
import { applyPlanAction } from '#src/server/services/plan.ts';
import { requireSafeNextPath } from '#src/server/http/redirect.ts';

// The adoption loop's forms post here, then return to the result page they came from.
export const POST: APIRoute = async ({ params, locals, request, redirect, url }) => {
  const db = getDb();
  const { actor, business } = await loadBusiness(db, locals.user, Number(params.id));
  const form = await readForm(request);
  // Checked before the action: an unsafe value is a 400 with nothing written.
  const back = requireSafeNextPath(formValue(form, 'back'), url.origin);
  const result = await applyPlanAction(db, actor, business, form, new Date());
  // Only back to a page of this business.
  const prefix = localePath(locals.lang, `/businesses/${business.id}/`);
  const target = back?.startsWith(prefix) ? back.split(/[?#]/, 1)[0]! : localePath(locals.lang, `/businesses/${business.id}`);
  return redirect(`${target}?done=${result.intent}-${result.need}#plan`, 303);
};
