import type { Platform } from './schema.ts';

/** The public JSON shape of a catalog entry. */
export function publicPlatform(p: Platform, category: { id: string; name: { vi: string; en: string } }) {
  return {
    id: p.id,
    name: p.name,
    provider: p.provider,
    url: p.url,
    category,
    needs: p.needs,
    description: p.description,
    costModel: p.costModel,
    priceNote: p.priceNote ?? null,
    freeTrial: p.freeTrial ?? null,
    makeInVietnam: p.makeInVietnam,
    fits: p.fits,
    requires: p.requires,
    improves: p.improves,
    lastChecked: p.lastChecked,
    retired: Boolean(p.retired),
    source: p.source ?? null,
    unverified: Boolean(p.unverified),
  };
}
