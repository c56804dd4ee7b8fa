import type { Db } from '#src/db/client.ts';
import { provinceByCode } from '#src/db/queries/site.ts';
import { getEnv } from '#src/server/config/env.ts';
import { cachedPublicIndicators, parseViewQuery } from './indicators.ts';
import { getFramework } from '#src/content/frameworks/registry.ts';
import { typicalMinutes } from '#src/domain/framework/presentation.ts';
import { frameworkIdFor } from '#src/domain/framework/questionnaire.ts';

export type Headline = { id: string; value: number | null; numerator: number | null; denominator: number | null; suppressed: boolean };

/** Who runs the portal: the province and its Department, from PROVINCE_CODE (and DEPARTMENT_NAME). */
export async function siteIdentity(db: Db): Promise<{ province: { vi: string; en: string }; department: { vi: string; en: string } }> {
  const env = getEnv();
  const p = await provinceByCode(db, env.PROVINCE_CODE);
  // The reference spells cities with their prefix ("Thành phố Hà Nội") and provinces without ("Ninh Bình").
  const bare = p ? p.name.replace(/^Thành phố\s+/u, '') : null;
  const province = p
    ? p.type === 'thành phố'
      ? { vi: `thành phố ${bare}`, en: `${bare} City` }
      : { vi: `tỉnh ${bare}`, en: `${bare} Province` }
    : { vi: 'tỉnh', en: 'the province' };
  const department = env.DEPARTMENT_NAME
    ? { vi: env.DEPARTMENT_NAME, en: env.DEPARTMENT_NAME }
    : { vi: `Sở Công Thương ${province.vi}`, en: p ? `${bare} Department of Industry and Trade` : 'Department of Industry and Trade' };
  return { province, department };
}

const HEADLINES = ['assessment_coverage', 'sme_platform_adoption', 'ocop_products_on_ecommerce'] as const;

/**
 * The home page's live numbers: exactly the open-data answer of GET /api/v1/indicators with no
 * parameter (this year, whole province), small cells suppressed the same way.
 */
export async function homeData(db: Db, now: Date) {
  const { query, period } = parseViewQuery(new URL('http://portal.invalid/'), now);
  const data = await cachedPublicIndicators(db, getEnv().PROVINCE_CODE, query, period, now);
  const headlines: Headline[] = HEADLINES.map((id) => {
    const i = data.indicators.find((x) => x.id === id);
    return i
      ? { id, value: i.value, numerator: i.numerator, denominator: i.denominator, suppressed: i.suppressed }
      : { id, value: null, numerator: null, denominator: null, suppressed: true };
  });
  // The questionnaires a new enterprise and a new household would get today.
  const sme = getFramework(frameworkIdFor('enterprise'));
  const producer = getFramework(frameworkIdFor('household'));
  return {
    period: data.period,
    headlines,
    minutes: { sme: sme ? typicalMinutes(sme) : null, producer: producer ? typicalMinutes(producer) : null },
  };
}
