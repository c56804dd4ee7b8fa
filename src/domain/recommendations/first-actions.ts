/**
 * "Việc nên làm trước": the few plan items a result page leads with, each with the one action
 * most likely to move it forward.
 *
 * - Mandatory items (step 1: e-invoices, e-tax, digital signatures) are obligations most
 *   businesses already meet, so the action is "I have done it" (which asks the platform); they
 *   can never be dismissed, only marked done or sent for help.
 * - Other items with a free trial among their platforms: "try it".
 * - Everything else: "ask for help".
 *
 * Pure: the plan is already ordered (steps, then gain); this keeps that order.
 */
import { getNeed, type NeedId, type Platform } from '#src/domain/platforms/schema.ts';
import type { RecommendationItem } from './engine.ts';

export const FIRST_ACTIONS_MAX = 3;

export type FirstActionKind = 'done' | 'trial' | 'help';

export interface FirstAction {
  need: NeedId;
  kind: FirstActionKind;
  /** For 'trial': the first platform of the item that offers one. */
  platform?: string;
}

/** Mandatory by law: may be marked done or sent for help, never dismissed. */
export function isMandatoryNeed(need: string): boolean {
  return getNeed(need)?.step === 1;
}

export function firstActions(
  items: readonly Pick<RecommendationItem, 'need' | 'platforms'>[],
  catalog: readonly Pick<Platform, 'id' | 'freeTrial'>[],
  max = FIRST_ACTIONS_MAX,
): FirstAction[] {
  const byId = new Map(catalog.map((p) => [p.id, p]));
  return items.slice(0, Math.max(0, max)).map((item) => {
    if (isMandatoryNeed(item.need)) return { need: item.need, kind: 'done' };
    const trial = item.platforms.find((id) => byId.get(id)?.freeTrial);
    return trial ? { need: item.need, kind: 'trial', platform: trial } : { need: item.need, kind: 'help' };
  });
}
