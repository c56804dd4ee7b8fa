import { z } from 'zod';

// One schema for the whole configuration. Defaults make `npm start` work with no .env.
const EnvSchema = z.object({
  DATABASE_URL: z.string().min(1).default('file:./data/portal.db'),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  PROVINCE_CODE: z
    .string()
    .regex(/^\d{2}$/, 'PROVINCE_CODE must be a two-digit province code')
    .default('37'),
  SEED_DEMO: z.enum(['0', '1']).default('1'),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(8).optional(),
  // Only trust X-Forwarded-For when a reverse proxy we control sets it.
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  // Key of the claim-code HMAC; unset, one is generated at first start and kept in the database.
  CLAIM_CODE_SECRET: z.string().min(32, 'CLAIM_CODE_SECRET must be at least 32 characters').optional(),
  // Outgoing e-mail (help-request status changes); unset, no e-mail is sent and the portal works the same.
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.vn:587' })
    .optional(),
  SMTP_FROM: z.email('SMTP_FROM must be an e-mail address').optional(),
  // The Department's name as the home page shows it; unset, "Sở Công Thương <province>" from PROVINCE_CODE.
  DEPARTMENT_NAME: z
    .string()
    .trim()
    .min(5, 'DEPARTMENT_NAME must be at least 5 characters')
    .max(150, 'DEPARTMENT_NAME must be at most 150 characters')
    .regex(/^[^\p{Cc}\p{Cf}<>]+$/u, 'DEPARTMENT_NAME must be plain text (no control characters or < >)')
    .optional(),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function getEnv(source: Record<string, string | undefined> = process.env): Env {
  if (source === process.env && cached) return cached;
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (source === process.env) cached = parsed.data;
  return parsed.data;
}

/** The provincial e-commerce floor's domain (listing links on it are checked against it); optional. */
export function provincialFloorDomain(): string | null {
  return process.env.PROVINCIAL_FLOOR_DOMAIN?.trim() || null;
}

/**
 * Where vulnerabilities are reported (security.txt "Contact"): an e-mail address or an https URL
 * set by the deployment in SECURITY_CONTACT; null when unset or not one of those.
 */
export function securityContact(): string | null {
  const raw = process.env.SECURITY_CONTACT?.trim();
  if (!raw) return null;
  const email = raw.replace(/^mailto:/i, '');
  if (z.email().safeParse(email).success) return `mailto:${email}`;
  if (/^https:\/\/[^\s]+$/i.test(raw) && z.url().safeParse(raw).success) return raw;
  return null;
}
