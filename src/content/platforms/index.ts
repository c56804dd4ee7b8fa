/**
 * The catalog of digital platforms the portal can recommend: real Vietnamese
 * and international platforms, grouped by need (see NEEDS in
 * src/domain/platforms/schema.ts). Entries are data only; they are validated
 * by tests/unit/platform-catalog.test.ts and by `parseCatalog` wherever they
 * are loaded into the database or served.
 *
 * Ids are stable keys stored in the database and used in links: never rename
 * an id. To withdraw a platform, set `retired: true` instead of deleting it.
 */
import type { Platform } from '#src/domain/platforms/schema.ts';
import { ACCOUNTING_SALES_PLATFORMS } from './accounting-sales.ts';
import { CLOUD_OFFICE_PLATFORMS } from './cloud-office.ts';
import { ECOMMERCE_PLATFORMS } from './ecommerce.ts';
import { INVOICE_TAX_PLATFORMS } from './invoice-tax.ts';
import { LOGISTICS_OTHER_PLATFORMS } from './logistics-other.ts';
import { MANAGEMENT_PLATFORMS } from './management.ts';
import { PAYMENT_PLATFORMS } from './payment.ts';
import { SECURITY_TRAINING_DATA_PLATFORMS } from './security-training-data.ts';
import { SIGNATURE_CONTRACT_PLATFORMS } from './signature-contract.ts';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Every catalog entry, in the order of the adoption steps (mandatory first). */
export const PLATFORM_CATALOG: readonly Platform[] = deepFreeze([
  ...INVOICE_TAX_PLATFORMS,
  ...SIGNATURE_CONTRACT_PLATFORMS,
  ...PAYMENT_PLATFORMS,
  ...CLOUD_OFFICE_PLATFORMS,
  ...ACCOUNTING_SALES_PLATFORMS,
  ...MANAGEMENT_PLATFORMS,
  ...LOGISTICS_OTHER_PLATFORMS,
  ...ECOMMERCE_PLATFORMS,
  ...SECURITY_TRAINING_DATA_PLATFORMS,
]);

const BY_ID: ReadonlyMap<string, Platform> = new Map(PLATFORM_CATALOG.map((p) => [p.id, p]));

/** A catalog entry by id (retired ones included), or undefined. */
export function getCatalogPlatform(id: string): Platform | undefined {
  return BY_ID.get(id);
}
