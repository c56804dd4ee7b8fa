export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type Text = { vi: string; en: string };

/** Picks the text for the page's language (Vietnamese is the default and the fallback). */
export function pick(lang: Lang, text: Text): string {
  return text[lang] || text.vi;
}

/** A path in the given language: Vietnamese pages at /, English under /en. */
export function localePath(lang: Lang, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  if (lang === 'vi') return clean;
  return clean === '/' ? '/en/' : `/en${clean}`;
}

/** Splits /en/foo into {lang:'en', path:'/foo'}. */
export function splitLocale(pathname: string): { lang: Lang; path: string } {
  if (pathname === '/en' || pathname === '/en/') return { lang: 'en', path: '/' };
  if (pathname.startsWith('/en/')) return { lang: 'en', path: pathname.slice(3) };
  return { lang: 'vi', path: pathname };
}

export const ROLE_NAMES: Record<string, Text> = {
  business: { vi: 'Doanh nghiệp', en: 'Business' },
  helper: { vi: 'Thành viên Tổ công nghệ số cộng đồng', en: 'Community digital team member' },
  officer: { vi: 'Cán bộ Sở Công Thương', en: 'Department of Industry and Trade officer' },
  admin: { vi: 'Quản trị viên', en: 'Administrator' },
};

/**
 * A person's role as it should read: an officer scoped to one commune is a commune officer, not a
 * Department officer; a helper belongs to one commune's team. `communeName` when known ("Xã Gia Viễn").
 */
export function roleName(role: string, communeScoped: boolean, communeName?: string | null): Text {
  const at = communeName ? { vi: ` ${communeName}`, en: ` (${communeName})` } : { vi: '', en: '' };
  if (role === 'officer' && communeScoped) return { vi: `Cán bộ xã/phường${at.vi}`, en: `Commune officer${at.en}` };
  if (role === 'helper' && communeName) return { vi: `Tổ công nghệ số cộng đồng${at.vi}`, en: `Community digital team${at.en}` };
  return ROLE_NAMES[role] ?? { vi: role, en: role };
}

/** What the dashboard covers for this person: their commune, or the province. */
export function scopeName(scopeCommuneCode?: string | null): Text {
  return scopeCommuneCode ? { vi: 'Chỉ số của xã/phường', en: 'Commune indicators' } : { vi: 'Chỉ số của tỉnh', en: 'Province indicators' };
}

export const PRODUCER_TYPE_NAMES: Record<string, Text> = {
  enterprise: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  cooperative: { vi: 'Hợp tác xã', en: 'Co-operative' },
  cooperative_group: { vi: 'Tổ hợp tác', en: 'Cooperative group' },
  household: { vi: 'Hộ kinh doanh', en: 'Household business' },
};

/** Server messages are written "Vietnamese / English"; show the part for the page's language. */
export function msg(lang: Lang, message: string | undefined): string | undefined {
  if (!message) return message;
  const i = message.indexOf(' / ');
  if (i < 0) return message;
  return lang === 'en' ? message.slice(i + 3) : message.slice(0, i);
}

export const COST_MODEL_NAMES: Record<string, Text> = {
  free: { vi: 'Miễn phí', en: 'Free' },
  freemium: { vi: 'Có gói miễn phí', en: 'Free tier' },
  paid: { vi: 'Trả phí', en: 'Paid' },
};

export const SIZE_NAMES: Record<string, Text> = {
  micro: { vi: 'Siêu nhỏ', en: 'Micro' },
  small: { vi: 'Nhỏ', en: 'Small' },
  medium: { vi: 'Vừa', en: 'Medium' },
  large: { vi: 'Lớn', en: 'Large' },
};
