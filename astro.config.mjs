// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import preact from '@astrojs/preact';
import { astroRuntimePatches } from './scripts/build/astro-runtime-patches.ts';

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  integrations: [preact()],
  server: { port: 4321, host: true },
  i18n: {
    locales: ['vi', 'en'],
    defaultLocale: 'vi',
    // Vietnamese at /, English at /en/…: our middleware maps /en/* onto the same pages so no page is written twice.
    routing: 'manual',
  },
  build: {
    // Styles inline: one round trip less before the first paint on slow mobile networks. Astro's CSP
    // lists their hashes, so no 'unsafe-inline' is needed.
    inlineStylesheets: 'always',
  },
  security: {
    // Refuse cross-origin form POSTs (CSRF). It does not cover application/json requests: for writes to /api/
    // from another Origin, src/middleware.ts ignores the session cookie.
    checkOrigin: true,
    // Hashes for the few scripts Astro emits, so script-src needs no 'unsafe-inline'.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "object-src 'none'",
        "base-uri 'none'",
      ],
    },
  },
  vite: {
    build: { assetsInlineLimit: 0 },
    plugins: [astroRuntimePatches()],
  },
});
