// The layer rules of eslint.config.mjs, checked by planting one violation of each in a virtual file and asking
// ESLint (the real config of this repository) what it reports; and the import-circle check on a planted circle.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { findCircles } from '../../scripts/check-cycles.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

const RESTRICTED = '@typescript-eslint/no-restricted-imports';

async function lint(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).map((m) => ({ rule: m.ruleId, message: m.message, fatal: m.fatal ?? false }));
}

const astroPage = (frontmatter: string) => `---\n${frontmatter}\n---\n<p>{String(x)}</p>\n`;

type Plant = { name: string; file: string; code: string; rule: string; says: string };

const plants: Plant[] = [
  {
    name: 'reference importing domain',
    file: 'src/reference/planted.ts',
    code: "import { toSearchKey } from '#src/domain/identity/search-key.ts';\nexport const x = toSearchKey('a');\n",
    rule: RESTRICTED,
    says: 'Reference lists import nothing',
  },
  {
    name: 'domain importing db',
    file: 'src/domain/planted.ts',
    code: "import { getDb } from '#src/db/client.ts';\nexport const x = getDb;\n",
    rule: RESTRICTED,
    says: 'src/domain must not import from a layer above it',
  },
  {
    name: 'domain importing astro:',
    file: 'src/domain/planted.ts',
    code: "import { getImage } from 'astro:assets';\nexport const x = getImage;\n",
    rule: RESTRICTED,
    says: 'does not depend on Astro',
  },
  {
    name: 'domain importing node:',
    file: 'src/domain/planted.ts',
    code: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    rule: RESTRICTED,
    says: 'no file system, network or process',
  },
  {
    name: 'domain importing drizzle',
    file: 'src/domain/planted.ts',
    code: "import { eq } from 'drizzle-orm';\nexport const x = eq;\n",
    rule: RESTRICTED,
    says: 'does not touch the database',
  },
  {
    name: 'content importing server',
    file: 'src/content/planted.ts',
    code: "import { getEnv } from '#src/server/config/env.ts';\nexport const x = getEnv;\n",
    rule: RESTRICTED,
    says: 'src/content must not import from a layer above it',
  },
  {
    name: 'db importing server',
    file: 'src/db/queries/planted.ts',
    code: "import { getEnv } from '#src/server/config/env.ts';\nexport const x = getEnv;\n",
    rule: RESTRICTED,
    says: 'src/db must not import from a layer above it',
  },
  {
    name: 'server importing pages',
    file: 'src/server/services/planted.ts',
    code: "import Page from '#src/pages/index.astro';\nexport const x = Page;\n",
    rule: RESTRICTED,
    says: 'src/server must not import from a layer above it',
  },
  {
    name: 'a page importing drizzle',
    file: 'src/pages/planted.astro',
    code: astroPage("import { eq } from 'drizzle-orm';\nconst x = eq;"),
    rule: RESTRICTED,
    says: 'No SQL in pages',
  },
  {
    name: 'a page importing a value from #src/db/…',
    file: 'src/pages/planted.astro',
    code: astroPage("import { assessments } from '#src/db/schema/index.ts';\nconst x = assessments;"),
    rule: RESTRICTED,
    says: 'Pages reach data through a service',
  },
  {
    name: 'a page calling .execute(',
    file: 'src/pages/planted.astro',
    code: astroPage("const db = Astro.locals.db;\nconst x = await db.execute('select 1');"),
    rule: 'no-restricted-syntax',
    says: 'No SQL in pages: use a service',
  },
  {
    name: 'a ../ import across folders in src',
    file: 'src/server/services/planted.ts',
    code: "import { toSearchKey } from '../../domain/identity/search-key.ts';\nexport const x = toSearchKey;\n",
    rule: RESTRICTED,
    says: 'through the alias',
  },
  {
    name: 'src importing db/seed',
    file: 'src/server/services/planted.ts',
    code: "import { seed } from '#src/db/seed/demo.ts';\nexport const x = seed;\n",
    rule: RESTRICTED,
    says: 'Nothing in src imports seeding',
  },
  {
    name: 'a test climbing three folders',
    file: 'tests/unit/planted.test.ts',
    code: "import { x } from '../../../elsewhere/x.ts';\nexport const y = x;\n",
    rule: RESTRICTED,
    says: 'no import climbs three folders',
  },
];

describe('the layer rules of eslint.config.mjs', () => {
  for (const p of plants) {
    it(`reports ${p.name}`, async () => {
      const messages = await lint(p.file, p.code);
      expect(messages.filter((m) => m.fatal)).toEqual([]);
      expect(messages).toContainEqual(expect.objectContaining({ rule: p.rule, message: expect.stringContaining(p.says) }));
    });
  }

  it('passes a clean file in each layer', async () => {
    const clean: [string, string][] = [
      [
        'src/domain/planted.ts',
        "import { z } from 'zod';\nimport { COMMUNES } from '#src/reference/planted-list.ts';\nexport const x = [z, COMMUNES];\n",
      ],
      [
        'src/db/queries/planted.ts',
        "import { eq } from 'drizzle-orm';\nimport type { Profile } from '#src/domain/framework/schema.ts';\nexport const x = eq;\nexport type P = Profile;\n",
      ],
      [
        'src/server/services/planted.ts',
        "import { eq } from 'drizzle-orm';\nimport { toSearchKey } from '#src/domain/identity/search-key.ts';\nimport { x as y } from './neighbour.ts';\nexport const x = [eq, toSearchKey, y];\n",
      ],
      [
        'src/pages/planted.astro',
        astroPage(
          "import type { Assessment } from '#src/db/schema/index.ts';\nimport { planFor } from '#src/server/services/plan.ts';\nconst x: Assessment | null = null;\nconst p = planFor;",
        ),
      ],
      [
        'tests/unit/planted.test.ts',
        "import { toSearchKey } from '#src/domain/identity/search-key.ts';\nimport { x } from '../helpers/x.ts';\nexport const y = [toSearchKey, x];\n",
      ],
    ];
    for (const [file, code] of clean) expect({ file, messages: await lint(file, code) }).toEqual({ file, messages: [] });
  });
});

describe('scripts/check-cycles.ts', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'cycles-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const write = (path: string, code: string) => {
    mkdirSync(dirname(join(tmp, path)), { recursive: true });
    writeFileSync(join(tmp, path), code);
  };

  it('finds a planted circle through the #src/ alias and a relative import, and nothing else', () => {
    write('src/domain/a.ts', "import { b } from '#src/domain/b.ts';\nexport const a = () => b;\n");
    write('src/domain/b.ts', "import type { C } from './c.ts';\nexport const b = 1 as unknown as C;\n");
    write('src/domain/c.ts', "import { a } from '../domain/a.ts';\nexport type C = ReturnType<typeof a>;\n");
    write('src/domain/leaf.ts', "import { a } from './a.ts';\nexport const leaf = a;\n");
    const { modules, circles } = findCircles(tmp, ['src']);
    expect(modules).toBe(4);
    expect(circles).toEqual([['src/domain/a.ts', 'src/domain/b.ts', 'src/domain/c.ts']]);
  });

  it('finds no circle in a tree without one', () => {
    const clean = mkdtempSync(join(tmpdir(), 'cycles-clean-'));
    try {
      mkdirSync(join(clean, 'src'), { recursive: true });
      writeFileSync(join(clean, 'src/a.ts'), "import { b } from './b.ts';\nexport const a = b;\n");
      writeFileSync(join(clean, 'src/b.ts'), 'export const b = 1;\n');
      expect(findCircles(clean, ['src']).circles).toEqual([]);
    } finally {
      rmSync(clean, { recursive: true, force: true });
    }
  });

  it('finds none in this repository', () => {
    expect(findCircles(root).circles).toEqual([]);
  });
});
