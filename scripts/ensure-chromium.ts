// Finds a Chromium for the end-to-end tests: CHROMIUM_PATH, else /usr/bin/chromium, else installs
// Debian's package (Playwright's own browser download is blocked on these machines).
import { existsSync } from 'node:fs';
import { installDebianPackage, isRoot } from './debian-package.ts';

export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  return null;
}

export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  if (!isRoot()) {
    throw new Error('Chromium not found. Set CHROMIUM_PATH, or install it: sudo apt-get install chromium');
  }
  console.log('Chromium not found: installing Debian’s chromium package…');
  installDebianPackage('chromium');
  const installed = findChromium();
  if (!installed) throw new Error('Chromium install finished but no binary was found');
  return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(ensureChromium());
}
