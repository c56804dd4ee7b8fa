// Migrate and seed without serving (used by `npm run dev`).
import { prepareDatabase } from './seed/boot.ts';
const report = await prepareDatabase();
if (report.admin.created && report.admin.generated) {
  console.log(`First administrator: ${report.admin.email} / ${report.admin.password} (shown once)`);
}
