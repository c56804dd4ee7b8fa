// `npm run framework:check FILE`: checks a framework file (JSON) with the schema the portal uses when an
// administrator uploads it (docs/frameworks.md): every problem is printed with its path; exit code 1 on any.
import { readFileSync } from 'node:fs';
import { checkFrameworkFile, issuePath } from '#src/domain/framework/file.ts';
import { getFramework } from '#src/content/frameworks/registry.ts';

const file = process.argv[2];
if (!file) {
  console.error('Cách dùng / Usage: npm run framework:check FILE.json');
  process.exit(2);
}
const result = checkFrameworkFile(readFileSync(file, 'utf8'));
if (!result.ok) {
  console.error(`${file}: không hợp lệ / not valid (${result.issues.length})`);
  for (const issue of result.issues) console.error(`  ${issuePath(issue.path)}: ${issue.message}`);
  process.exit(1);
}
const fw = result.framework;
const shipped = getFramework(fw.id);
console.log(`${file}: hợp lệ / valid: "${fw.id}" version ${fw.version}, ${fw.pillars.length} pillars, status ${fw.meta.status}`);
if (shipped && fw.version <= shipped.version) {
  console.log(`  note: the portal ships "${fw.id}" version ${shipped.version}; publishing needs a greater version`);
}
