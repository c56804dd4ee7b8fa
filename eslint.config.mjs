// @ts-check
// Lint = the layer rules of the source tree (docs/architecture.md, "Layers"). Direction, lowest first:
//   reference ← domain ← content ← db ← server ← pages (components, layouts, middleware)
// ("←" means "is imported by"); i18n sits beside reference and may be used from domain upwards.
// Inside src every import of another folder goes through the `#src/…` alias (package.json "imports"),
// so the rules below only need to look at `#src/<layer>/…` specifiers. Import circles: scripts/check-cycles.ts.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

/**
 * A pattern (a regular expression over the specifier) for @typescript-eslint/no-restricted-imports.
 * @param {string} regex
 * @param {string} message
 * @param {boolean} [allowTypeImports] type-only imports pass
 */
const ban = (regex, message, allowTypeImports = false) => ({ regex, message, allowTypeImports });

const LAYERS = ['reference', 'i18n', 'domain', 'content', 'db', 'server'];
const UI = ['pages', 'components', 'layouts', 'middleware', 'scripts'];
/**
 * Everything above `layer`, as one pattern.
 * @param {string} layer
 */
const above = (layer) => `^#src/(${[...LAYERS.slice(LAYERS.indexOf(layer) + 1), ...UI].join('|')})([/.]|$)`;

const everywhereInSrc = [
  ban('^\\.\\./', 'Import another folder of src through the alias: `#src/<folder>/…` (relative paths only within a folder and below).'),
  ban('(^|/)db/seed(/|$)', 'Nothing in src imports seeding.'),
];

/**
 * The rule for one layer: nothing from above it, plus `extra` bans.
 * @param {string} name
 * @param {string[]} files
 * @param {ReturnType<typeof ban>[]} [extra]
 * @returns {import('eslint').Linter.Config}
 */
function layer(name, files, extra = []) {
  return {
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...everywhereInSrc,
            ban(above(name), `src/${name} must not import from a layer above it (reference ← domain ← content ← db ← server ← pages).`),
            ...extra,
          ],
        },
      ],
    },
  };
}

const noAstro = ban('^astro(:|/|$)', 'This layer does not depend on Astro.');
const noDbDrivers = ban('^(drizzle-orm|@libsql/)', 'This layer does not touch the database.');
const noNode = ban('^node:', 'Pure rules: no file system, network or process.');

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', '.astro/**', 'data/**', 'public/**', 'db/migrations/**', 'coverage/**'] },
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser, sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin },
  },
  ...astro.configs['flat/base'],
  { files: ['**/*.astro'], plugins: { '@typescript-eslint': tseslint.plugin } },

  layer('reference', ['src/reference/**'], [ban('^#src/(?!reference/)', 'Reference lists import nothing.'), noAstro, noDbDrivers]),
  layer('i18n', ['src/i18n/**'], [ban('^#src/(?!i18n/|reference/)', 'Catalogues import only reference lists.'), noAstro, noDbDrivers]),
  layer('domain', ['src/domain/**'], [noAstro, noDbDrivers, noNode]),
  layer('content', ['src/content/**'], [noAstro, noDbDrivers]),
  layer('db', ['src/db/**'], [noAstro]),
  layer('server', ['src/server/**']),
  {
    // Routes parse input, call one service and render: no queries, no SQL, no database driver.
    files: ['src/pages/**', 'src/components/**', 'src/layouts/**', 'src/middleware.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...everywhereInSrc,
            ban('^(drizzle-orm|@libsql/)', 'No SQL in pages: put the query in src/db/queries and call it from a service.'),
            ban('^#src/db/', 'Pages reach data through a service in src/server/services (types are fine).', true),
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='execute']", message: 'No SQL in pages: use a service.' },
      ],
    },
  },
  {
    // Outside src, anything of src is reached through the alias; nothing climbs three folders.
    files: ['tests/**', 'bench/**', 'scripts/**', '*.ts', '*.mjs'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [ban('^(\\.\\./){3}|(^|/)src/', 'Reach src through `#src/…`; no import climbs three folders.')] },
      ],
    },
  },
);
