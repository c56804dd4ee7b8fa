import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { answerEvents, assessments, type Assessment } from '#src/db/schema/index.ts';
import { auditValues, businessById, communeInProvince, type BusinessWithLocation } from '#src/db/queries/accounts.ts';
import {
  auditIfDraft,
  draftOf,
  insertDraft,
  latestSubmittedAnswers,
  submitDraft,
  updateBusinessProfile,
  updateDraftProfile,
} from '#src/db/queries/assessments.ts';
import { getFramework, listFrameworks } from '#src/content/frameworks/registry.ts';
import type { AnswerValue, Answers, Framework, Profile } from '#src/domain/framework/schema.ts';
import {
  answersFromForm,
  audienceOf,
  defaultFor,
  frameworkIdFor,
  ProfileFormSchema,
  questionnairePages,
  toProfile,
  visibleQuestions,
} from '#src/domain/framework/questionnaire.ts';
import { scoreAssessment, validateAnswers, type AssessmentResult } from '#src/domain/scoring/score.ts';
import { toSearchKey } from '#src/domain/identity/search-key.ts';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  jsonError,
  NotFoundError,
  ValidationError,
  type FieldIssue,
} from '#src/server/http/errors.ts';
import { readForm } from '#src/server/http/body.ts';
import { canChooseCommune, COMMUNE_OUT_OF_SCOPE, requireBusinessAccess, type Actor } from '#src/server/auth/guards.ts';
import { canEditBusiness } from '#src/domain/access.ts';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { marksOf } from '#src/db/queries/platforms.ts';
import { batchWithFacts, expectChanges, factRefreshStatements, isGuardFailure } from './facts.ts';
import { clearIndicatorCaches } from './indicators.ts';
import { currentCatalog } from './platforms.ts';
import { applyAdoptions } from '#src/domain/recommendations/prefill.ts';
import type { NeedId } from '#src/domain/platforms/schema.ts';
import { parseWith } from '#src/server/http/forms.ts';
import { PainsFormSchema, sanitizePains } from '#src/domain/recommendations/pains.ts';
import { bumpAndReadStatements, learnVersions } from './changes.ts';

/** Loads a business the actor may see (404 otherwise). */
export async function loadBusiness(
  db: Db,
  actor: Actor | null,
  businessId: number,
): Promise<{ actor: Actor; business: BusinessWithLocation }> {
  if (!Number.isSafeInteger(businessId) || businessId <= 0) throw new NotFoundError();
  const business = await businessById(db, businessId);
  const a = requireBusinessAccess(actor, business);
  return { actor: a, business: business! };
}

/** Only the business itself (and helpers of its commune, admins) fills in its assessment; officers read. */
export function requireAssessor(actor: Actor, business: BusinessWithLocation): void {
  if (!canEditBusiness(actor, business)) throw new ForbiddenError();
}

/** The draft in progress, if any, for whoever fills in the business's assessment. */
export async function draftFor(db: Db, actor: Actor, business: BusinessWithLocation): Promise<Assessment | undefined> {
  requireAssessor(actor, business);
  return draftOf(db, business.id);
}

export function frameworkOf(a: Pick<Assessment, 'frameworkId' | 'frameworkVersion'>): Framework {
  const fw = getFramework(a.frameworkId, a.frameworkVersion);
  if (!fw) throw new Error(`Framework ${a.frameworkId} v${a.frameworkVersion} is not registered`);
  return fw;
}

export function profileOf(a: Assessment): Profile | null {
  return a.profile ?? null;
}

/** Questions and scoring need the profile; the profile step comes first. */
function requireProfile(a: Assessment): Profile {
  const profile = profileOf(a);
  if (!profile)
    throw new ValidationError([
      { path: ['profile'], message: 'Vui lòng điền thông tin doanh nghiệp trước / Please fill in the business profile first' },
    ]);
  return profile;
}

function businessProfile(b: BusinessWithLocation): Profile | null {
  if (!b.sector || b.employees === null) return null;
  return toProfile({
    sector: b.sector,
    employees: b.employees,
    revenueVnd: b.revenueVnd,
    capitalVnd: b.capitalVnd,
    producerType: b.producerType,
    communeCode: b.communeCode,
  });
}

/**
 * The framework a new assessment uses: the one the person chose on the start page when it is offered, else
 * the default for the business's type (docs/frameworks.md). Frameworks without a questionnaire are never offered.
 */
export function chosenFramework(business: Pick<BusinessWithLocation, 'producerType'>, chosen: string | undefined): Framework {
  const offered = chosen !== undefined && listFrameworks().some((f) => f.id === chosen) ? chosen : undefined;
  return getFramework(offered ?? frameworkIdFor(business.producerType))!;
}

/** Returns the draft to continue, creating one (prefilled from the last assessment) when none exists. */
export async function startOrResume(db: Db, actor: Actor, business: BusinessWithLocation, now: Date, chosen?: string): Promise<Assessment> {
  requireAssessor(actor, business);
  const existing = await draftOf(db, business.id);
  if (existing) return existing;
  const framework = chosenFramework(business, chosen);
  const frameworkId = framework.id;
  const previous = await latestSubmittedAnswers(db, business.id, frameworkId);
  // Retaking starts from the last answers, raised by what the business marked as adopted since:
  // people update what changed instead of starting over.
  const marks = await marksOf(db, business.id);
  const adopted = Object.keys(marks.adopted) as NeedId[];
  const previousAnswers = previous?.answers ?? {};
  const profileNow = businessProfile(business);
  const answers = profileNow ? applyAdoptions(framework, previousAnswers, adopted, profileNow) : previousAnswers;
  return insertDraft(db, {
    businessId: business.id,
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    profile: profileNow,
    answers,
    pains: sanitizePains(previous?.pains),
    createdBy: actor.id,
    now,
  });
}

export const SUBMITTED_MESSAGE =
  'Bài đánh giá này đã nộp và không sửa được nữa / This assessment was submitted and can no longer be changed';

/** A write to an assessment that found it no longer a draft (submitted since it was read). */
export class AlreadySubmittedError extends ConflictError {
  readonly assessmentId: number;
  constructor(assessmentId: number) {
    super(SUBMITTED_MESSAGE);
    this.assessmentId = assessmentId;
  }
}

function requireDraft(a: Assessment | undefined, businessId: number): Assessment {
  if (!a || a.businessId !== businessId) throw new NotFoundError();
  if (a.status !== 'draft') throw new AlreadySubmittedError(a.id);
  return a;
}

/*
 * Every write to an assessment carries "still a draft" in the same statement. The status read
 * before (requireDraft) can be stale: a page save whose body arrives after the submit would
 * otherwise rewrite a submitted result. Writes go in one batch (one transaction); the UPDATE of
 * the assessment row returns its id, and no row back means it was submitted in between, so
 * nothing was written (the other statements of the batch carry the same condition).
 */
const isDraft = (id: number) => and(eq(assessments.id, id), eq(assessments.status, 'draft'));
const draftExists = (id: number) =>
  sql`exists (select 1 from ${assessments} where ${assessments.id} = ${id} and ${assessments.status} = 'draft')`;

function requireWritten(rows: readonly unknown[], assessmentId: number): void {
  if (rows.length === 0) throw new AlreadySubmittedError(assessmentId);
}

export async function saveProfile(
  db: Db,
  actor: Actor,
  business: BusinessWithLocation,
  draft: Assessment | undefined,
  form: Record<string, unknown>,
  now: Date,
): Promise<Assessment> {
  requireAssessor(actor, business);
  const a = requireDraft(draft, business.id);
  const p = parseWith(ProfileFormSchema, form);
  const { pains } = parseWith(PainsFormSchema, form);
  const commune = await communeInProvince(db, p.communeCode, business.provinceCode);
  if (!commune) {
    throw new ValidationError([
      { path: ['communeCode'], message: 'Vui lòng chọn xã/phường trong tỉnh / Please choose a commune or ward in the province' },
    ]);
  }
  if (!canChooseCommune(actor, commune)) throw new ValidationError([{ path: ['communeCode'], message: COMMUNE_OUT_OF_SCOPE }]);
  const profile = toProfile({
    sector: p.sector,
    employees: p.employees,
    revenueVnd: p.revenueMillion,
    capitalVnd: p.capitalMillion,
    producerType: p.producerType,
    communeCode: p.communeCode,
  });
  // A change of producer type can switch the questionnaire: a default framework follows the type (SME ↔ producer),
  // one the person chose stays. Answers that belong to the old framework are dropped.
  const audience = defaultFor(a.frameworkId);
  const switched = audience !== undefined && audience !== audienceOf(p.producerType);
  const framework = switched ? getFramework(frameworkIdFor(p.producerType))! : frameworkOf(a);
  const values = {
    profile,
    pains: pains as string[],
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    answers: switched ? {} : a.answers,
    currentStep: a.currentStep === 'profile' || switched ? '1' : a.currentStep,
    updatedAt: now,
  };
  const after = {
    sector: p.sector,
    employees: p.employees,
    revenueVnd: p.revenueMillion,
    capitalVnd: p.capitalMillion,
    producerType: p.producerType,
    communeCode: p.communeCode,
    sizeClass: profile.sizeClass ?? null,
  };
  const before = {
    sector: business.sector,
    employees: business.employees,
    revenueVnd: business.revenueVnd,
    capitalVnd: business.capitalVnd,
    producerType: business.producerType,
    communeCode: business.communeCode,
    sizeClass: business.sizeClass,
  };
  // Profile changes are audited like product and listing changes: who, when, before and after. The business row
  // and the audit entry are written only while the draft exists, in the same batch as the draft's own update.
  const audit = auditValues(
    {
      actorUserId: actor.id,
      action: 'profile_update',
      entity: 'business',
      entityId: String(business.id),
      detail: { assessmentId: a.id, before, after },
    },
    now,
  );
  const [, , updated, , , counters] = await db.batch([
    updateBusinessProfile(db, business.id, a.id, { ...after, nameSearch: toSearchKey(business.name), updatedAt: now }),
    auditIfDraft(db, a.id, audit),
    updateDraftProfile(db, a.id, values),
    // Sector and size feed the denominators by category; the name shows on public OCOP listings. Bumped in the
    // same batch (one commit, not two); a bump without a change (the draft was submitted meanwhile) only
    // makes caches read again.
    ...bumpAndReadStatements(db, 'ocop', 'indicators'),
  ]);
  learnVersions(db, counters as { scope: string; n: number }[]);
  clearIndicatorCaches();
  requireWritten(updated, a.id);
  return { ...a, ...values };
}

export type PageSaveResult = {
  assessment: Assessment;
  /** Where to go next: a page number, 'review', or the same page when new questions appeared. */
  next: number | 'review';
  stay: boolean;
  issues: FieldIssue[];
  /** Raw values of rejected fields, to show them again. */
  rejected: Record<string, AnswerValue>;
  /** Questions that opened from this save's answers (they were not on the form), in page order. */
  appeared: string[];
};

export async function savePage(
  db: Db,
  actor: Actor,
  business: BusinessWithLocation,
  draft: Assessment | undefined,
  pageNumber: number,
  form: Record<string, string | string[]>,
  now: Date,
  opts: { autosave?: boolean } = {},
): Promise<PageSaveResult> {
  requireAssessor(actor, business);
  const a = requireDraft(draft, business.id);
  const profile = requireProfile(a);
  const framework = frameworkOf(a);
  const pages = questionnairePages(framework, profile);
  const page = pages[pageNumber - 1];
  if (!page) throw new NotFoundError();
  const before = a.answers;
  const shown = visibleQuestions(page, profile, before);
  // Only the questions that were on the form are replaced; the form says which (hidden `shown` list).
  const shownIds = new Set(
    (Array.isArray(form.shown) ? form.shown : [form.shown ?? ''])
      .flatMap((s) => s.split(','))
      .filter((id) => page.questions.some((q) => q.id === id)),
  );
  const onForm = shownIds.size > 0 ? page.questions.filter((q) => shownIds.has(q.id)) : shown;
  const { set, cleared, invalid } = answersFromForm(onForm, form);
  let merged: Record<string, AnswerValue> = { ...before, ...set };
  for (const id of cleared) delete merged[id];

  // Keep every valid answer; report and drop the invalid ones (nothing typed correctly is lost).
  const issues: FieldIssue[] = [];
  const rejected: Record<string, AnswerValue> = {};
  for (const [qid, message] of Object.entries(invalid)) {
    issues.push({ path: [qid], message });
    rejected[qid] = set[qid]!;
    delete merged[qid];
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const checked = validateAnswers(framework, profile, merged);
    if (checked.ok) {
      merged = checked.answers;
      break;
    }
    for (const issue of checked.issues) {
      const qid = String(issue.path[1] ?? '');
      issues.push({ path: [qid], message: issue.message });
      if (qid in merged) rejected[qid] = merged[qid]!;
      delete merged[qid];
    }
  }
  const after: Answers = merged;
  const nowShown = visibleQuestions(page, profile, after);
  const appeared = nowShown.filter((q) => !onForm.some((o) => o.id === q.id)).map((q) => q.id);
  const stay = issues.length > 0 || appeared.length > 0;
  const next: number | 'review' = stay ? pageNumber : pageNumber < pages.length ? pageNumber + 1 : 'review';
  // Autosave keeps the person on the page they are filling in; only the page's submit moves on.
  const currentStep = opts.autosave ? String(pageNumber) : String(next);
  // Who changed which answer and when: the producer sees this history, whoever filled the form.
  const changed = [...new Set([...Object.keys(before), ...Object.keys(merged)])].filter(
    (qid) => JSON.stringify(before[qid]) !== JSON.stringify(merged[qid]),
  );
  const [updated] = await db.batch([
    db.update(assessments).set({ answers: merged, currentStep, updatedAt: now }).where(isDraft(a.id)).returning({ id: assessments.id }),
    ...changed.map((qid) =>
      db.run(
        sql`insert into ${answerEvents} (assessment_id, question_id, value, actor_user_id, at)
            select ${a.id}, ${qid}, ${merged[qid] === undefined || merged[qid] === null ? null : JSON.stringify(merged[qid])}, ${actor.id}, ${now.getTime()} where ${draftExists(a.id)}`,
      ),
    ),
  ]);
  requireWritten(updated, a.id);
  return { assessment: { ...a, answers: merged, currentStep, updatedAt: now }, next, stay, issues, rejected, appeared };
}

/**
 * The questionnaire's background save (a page POST with `x-autosave: 1`): the same save as the page's
 * submit, answered in JSON (never cached) so the script can say "saved" or show what was refused.
 */
export async function autosavePage(
  db: Db,
  actor: Actor,
  business: BusinessWithLocation,
  draft: Assessment | undefined,
  pageNumber: number,
  request: Request,
  now: Date,
): Promise<Response> {
  try {
    const form = await readForm(request);
    const saved = await savePage(db, actor, business, draft, pageNumber, form, now, { autosave: true });
    return new Response(JSON.stringify({ saved: true, issues: saved.issues }), {
      status: saved.issues.length ? 400 : 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const res = jsonError(e);
    res.headers.set('cache-control', 'no-store');
    return res;
  }
}

export async function submitAssessment(
  db: Db,
  actor: Actor,
  business: BusinessWithLocation,
  draft: Assessment | undefined,
  now: Date,
): Promise<{ assessment: Assessment; result: AssessmentResult }> {
  requireAssessor(actor, business);
  const a = requireDraft(draft, business.id);
  const profile = requireProfile(a);
  const framework = frameworkOf(a);
  const checked = validateAnswers(framework, profile, a.answers);
  const answers = checked.ok ? checked.answers : {};
  const result = scoreAssessment(framework, profile, answers);
  const values = {
    status: 'submitted' as const,
    answers,
    result,
    score: result.score,
    points: result.points,
    level: result.level,
    sector: profile.sector,
    sizeClass: profile.sizeClass ?? null,
    communeCode: profile.communeCode ?? business.communeCode,
    currentStep: 'done',
    submittedAt: now,
    updatedAt: now,
  };
  const audit = auditValues(
    {
      actorUserId: actor.id,
      action: 'submit_assessment',
      entity: 'assessment',
      entityId: String(a.id),
      detail: { score: result.score, level: result.level },
    },
    now,
  );
  const submitted = { ...a, ...values };
  const catalog = await currentCatalog(db);
  // The submission and every counter change it causes are one atomic batch: a crash leaves both or
  // neither (the start-up check repairs anything older). The guard after the update rolls the whole
  // batch back when the draft was submitted by someone else in the meantime.
  try {
    await batchWithFacts(db, async () => [
      // Logged only when this submit is the one that happens (a second submit of the same draft is refused).
      auditIfDraft(db, a.id, audit),
      submitDraft(db, a.id, { ...values, now }),
      expectChanges(db, 1),
      ...(await factRefreshStatements(db, business.id, catalog, { newest: submitted, now })),
    ]);
  } catch (e) {
    if (!isGuardFailure(e)) throw e;
    requireWritten([], a.id);
  }
  return { assessment: submitted, result };
}

/** The owner decides whether the share image is public; a random token makes its URL unguessable. */
export async function setSharing(
  db: Db,
  actor: Actor,
  business: BusinessWithLocation,
  assessment: Assessment,
  makePublic: boolean,
  showName = false,
): Promise<Assessment> {
  if (!(actor.role === 'business' && actor.businessId === business.id)) throw new ForbiddenError();
  if (assessment.businessId !== business.id || assessment.status !== 'submitted') throw new NotFoundError();
  let shareToken: string | null = null;
  if (makePublic) {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    shareToken = assessment.shareToken ?? encodeBase32LowerCaseNoPadding(bytes);
  }
  // Revoking forgets the token: sharing again makes a new link, so an old one stays dead.
  const shareShowName = makePublic && showName;
  await db
    .update(assessments)
    .set({ shareToken, shareShowName })
    .where(and(eq(assessments.id, assessment.id), eq(assessments.status, 'submitted')));
  return { ...assessment, shareToken, shareShowName };
}

export function resultOf(a: Assessment): AssessmentResult | null {
  return a.result ?? null;
}

/** Remembers where the person is, so resuming (from any device) lands there. */
export async function rememberStep(db: Db, draft: Assessment, step: string): Promise<void> {
  if (draft.status !== 'draft' || draft.currentStep === step) return;
  await db.update(assessments).set({ currentStep: step }).where(isDraft(draft.id));
}
