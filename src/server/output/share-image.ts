import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { LRUCache } from 'lru-cache';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// Be Vietnam Pro (SIL OFL), shipped as TTF by an npm package: Satori reads TTF/OTF/WOFF, not WOFF2.
const require = createRequire(import.meta.url);
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;
export function loadFonts() {
  fonts ??= [
    {
      name: 'Be Vietnam Pro',
      weight: 400,
      style: 'normal',
      data: readFileSync(require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf')),
    },
    {
      name: 'Be Vietnam Pro',
      weight: 700,
      style: 'normal',
      data: readFileSync(require.resolve('@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf')),
    },
  ];
  return fonts;
}

export const SHARE_WIDTH = 1200;
export const SHARE_HEIGHT = 630;

export type ShareCard = {
  businessName: string;
  title: string;
  levelLabel: string;
  scoreLabel: string;
  pillars: { name: string; score: number }[];
  footer: string;
};

type Node = { type: string; props: Record<string, unknown> & { children?: unknown } };
const h = (type: string, style: Record<string, unknown>, children?: unknown): Node => ({ type, props: { style, children } });

function card(c: ShareCard): Node {
  const bars = c.pillars.map((p) =>
    h('div', { display: 'flex', flexDirection: 'column', marginBottom: 14 }, [
      h('div', { display: 'flex', justifyContent: 'space-between', fontSize: 22, color: '#1b1f24' }, [
        h('span', {}, p.name),
        h('span', { fontWeight: 700 }, `${Math.round(p.score)}`),
      ]),
      h('div', { display: 'flex', height: 14, backgroundColor: '#e6ebf0', borderRadius: 7, marginTop: 4 }, [
        h('div', { width: `${Math.max(1, Math.min(100, p.score))}%`, height: 14, backgroundColor: '#0b5cad', borderRadius: 7 }),
      ]),
    ]),
  );
  return h('div', { width: SHARE_WIDTH, height: SHARE_HEIGHT, display: 'flex', fontFamily: 'Be Vietnam Pro', backgroundColor: '#ffffff' }, [
    h(
      'div',
      {
        width: 470,
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        backgroundColor: '#0b5cad',
        color: '#ffffff',
        padding: 48,
      },
      [
        h('div', { display: 'flex', flexDirection: 'column' }, [
          h('div', { fontSize: 24, opacity: 0.9 }, c.title),
          h('div', { fontSize: 40, fontWeight: 700, marginTop: 18, lineHeight: 1.2 }, c.businessName),
        ]),
        h('div', { display: 'flex', flexDirection: 'column' }, [
          h('div', { fontSize: 72, fontWeight: 700 }, c.scoreLabel),
          h('div', { fontSize: 30, fontWeight: 700, marginTop: 8 }, c.levelLabel),
          h('div', { fontSize: 18, marginTop: 24, opacity: 0.85 }, c.footer),
        ]),
      ],
    ),
    h('div', { flex: 1, display: 'flex', flexDirection: 'column', justifyContent: 'center', padding: '40px 48px' }, bars),
  ]);
}

const cache = new LRUCache<string, Buffer>({ max: 200 });

/** Renders the 1200×630 result card as PNG; identical cards are rendered once. */
export async function renderShareImage(c: ShareCard): Promise<Buffer> {
  const normalised: ShareCard = {
    ...c,
    businessName: c.businessName.normalize('NFC'),
    title: c.title.normalize('NFC'),
    levelLabel: c.levelLabel.normalize('NFC'),
    pillars: c.pillars.map((p) => ({ ...p, name: p.name.normalize('NFC') })),
  };
  const key = JSON.stringify(normalised);
  const hit = cache.get(key);
  if (hit) return hit;
  const svg = await satori(card(normalised) as unknown as Parameters<typeof satori>[0], {
    width: SHARE_WIDTH,
    height: SHARE_HEIGHT,
    fonts: loadFonts(),
  });
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: SHARE_WIDTH }, font: { loadSystemFonts: false } }).render().asPng();
  cache.set(key, png);
  return png;
}
