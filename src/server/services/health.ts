import { getClient } from '#src/server/config/db.ts';

/** Whether the database answers a query (opening the handle may fail too: that is "unavailable" as well). */
export async function checkDatabase(): Promise<boolean> {
  try {
    await getClient().execute('SELECT count(*) FROM provinces');
    return true;
  } catch {
    return false;
  }
}
