import { describe, expect, it } from 'vitest';
import {
  ContactFormSchema,
  StoryFormSchema,
  publicSupportFor,
  storiesForPlan,
  type StoryForPlan,
} from '#src/domain/recommendations/support.ts';
import type { Profile } from '#src/domain/framework/schema.ts';
import { mulberry32 as prng } from '../../scripts/seed/demo-data.ts';
import { VSIC_CODES } from '#src/reference/vsic.ts';

const story = (over: Partial<StoryForPlan> = {}): StoryForPlan => ({
  id: 1,
  sector: 'C',
  sizeClass: 'micro',
  producerType: 'cooperative',
  pains: ['selling_online'],
  consent: true,
  status: 'published',
  ...over,
});
const COOP: Profile = { sector: 'C', employees: 8, sizeClass: 'micro', producerType: 'cooperative' };

describe('success stories for a plan', () => {
  it('shows a story of the business’s sector when one exists, sharing a pain first', () => {
    const stories = [story({ id: 1, pains: ['delivery'] }), story({ id: 2, pains: ['selling_online'] }), story({ id: 3, sector: 'A' })];
    expect(storiesForPlan(stories, COOP, ['selling_online']).map((s) => s.id)).toEqual([2, 1]);
    expect(storiesForPlan(stories, { ...COOP, sector: 'G' }, [])).toEqual([]);
  });

  it('a story without the business’s consent is never shown, whatever else matches (property)', () => {
    const rand = prng(1313);
    for (let n = 0; n < 500; n++) {
      const stories = Array.from({ length: 1 + Math.floor(rand() * 6) }, (_, i) =>
        story({
          id: i + 1,
          sector: VSIC_CODES[Math.floor(rand() * 3)]!,
          consent: rand() < 0.5,
          status: rand() < 0.7 ? 'published' : 'draft',
        }),
      );
      const shown = storiesForPlan(stories, { ...COOP, sector: VSIC_CODES[Math.floor(rand() * 3)]! }, ['selling_online'], 10);
      for (const s of shown) {
        expect(s.consent).toBe(true);
        expect(s.status).toBe('published');
      }
      const eligible = stories.filter((s) => s.consent && s.status === 'published' && s.sector === shown[0]?.sector);
      if (shown.length > 0) expect(shown.length).toBe(eligible.length);
    }
  });

  it('refuses a story without a public source or with a bad date', () => {
    const base = {
      title: 'HTX bán hàng qua sàn',
      sector: 'C',
      before: 'Bán tại chợ',
      after: 'Bán trên sàn',
      sourceUrl: 'https://example.vn/bai-viet',
      storyDate: '2025-09-03',
    };
    expect(StoryFormSchema.safeParse(base).success).toBe(true);
    expect(StoryFormSchema.safeParse({ ...base, sourceUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(StoryFormSchema.safeParse({ ...base, storyDate: '2025-02-30' }).success).toBe(false);
    expect(StoryFormSchema.parse(base).consent).toBe(false);
  });
});

describe('who to call and public support', () => {
  it('accepts a province or commune scope, a landline and an optional e-mail', () => {
    expect(ContactFormSchema.safeParse({ scope: 'province', name: 'Phòng Quản lý thương mại', phone: '0229 3871 234' }).success).toBe(true);
    expect(ContactFormSchema.safeParse({ scope: '14308', name: 'Tổ CNSCĐ', email: '' }).success).toBe(true);
    expect(ContactFormSchema.safeParse({ scope: 'other', name: 'x' }).success).toBe(false);
    expect(ContactFormSchema.safeParse({ scope: 'province', name: 'x', phone: 'gọi tôi' }).success).toBe(false);
  });

  it('names the SME support decree for SMEs only, with its source and without unverified amounts', () => {
    const s = publicSupportFor({ sector: 'C', employees: 20, sizeClass: 'small', producerType: 'enterprise' })!;
    expect(s.text.vi).toContain('Nghị định 80/2021/NĐ-CP');
    expect(s.source).toMatch(/^https:\/\//);
    expect(s.text.vi).not.toMatch(/\d+\s*(%|triệu)/);
    expect(publicSupportFor({ sector: 'C', employees: 400, sizeClass: 'large', producerType: 'enterprise' })).toBeNull();
    expect(publicSupportFor({ sector: 'C', employees: 3, sizeClass: 'micro', producerType: 'household' })).toBeNull();
  });
});
