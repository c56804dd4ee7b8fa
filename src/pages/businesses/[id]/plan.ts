import type { APIRoute } from 'astro';
import { getDb } from '../../../db/client.ts';
import { localePath } from '../../../i18n/index.ts';
import { loadBusiness } from '../../../lib/server/assessments.ts';
import { readForm } from '../../../lib/server/body.ts';
import { str } from '../../../lib/server/forms.ts';
import { applyPlanAction } from '../../../lib/server/plan.ts';

// The adoption loop's forms post here, then return to the result page they came from.
export const POST: APIRoute = async ({ params, locals, request, redirect }) => {
  const db = getDb();
  const { actor, business } = await loadBusiness(db, locals.user, Number(params.id));
  const form = await readForm(request);
  const result = await applyPlanAction(db, actor, business, form, new Date());
  const back = str(form, 'back') ?? '';
  // Only back to a page of this business (no open redirect).
  const prefix = localePath(locals.lang, `/businesses/${business.id}/`);
  const target = back.startsWith(prefix) && !back.includes('//') ? back : localePath(locals.lang, `/businesses/${business.id}`);
  return redirect(`${target}?done=${result.intent}-${result.need}#plan`, 303);
};
