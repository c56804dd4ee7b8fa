import { inspect } from 'node:util';

/**
 * The one redaction point for server logs. Every console call of the server process (ours,
 * Astro's logger, the Node adapter's) passes through `redact`, so a failed query can never write
 * a password hash, an e-mail address, a session token or a cookie to the log. Drizzle puts a
 * failed query's parameters into the error message ("params: ..."), which is where such values
 * used to leak; parameters are therefore dropped as a whole, whatever they hold.
 */
const RULES: [RegExp, string][] = [
  // Credentials inside a URL (SMTP_URL, DATABASE_URL): "smtp://user:secret@host" keeps only the scheme and host.
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, '$1[redacted]@'],
  // Drizzle's "Failed query: ...\nparams: a,b,c" (and the error's own `params` property when inspected).
  [/(params:\s*)(\[[^\]]*\]|[^\n]*)/gi, '$1[redacted]'],
  [/\$argon2(?:id|i|d)\$[^\s"',;)]*/g, '[redacted-hash]'],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[redacted-email]'],
  [
    /\b(session|cookie|authorization|password|passwordHash|password_hash|token)(["']?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,;&]+)/gi,
    '$1$2[redacted]',
  ],
  // Session tokens (32 base32 chars) and session ids (64 hex chars).
  [/\b[a-z2-7]{32}\b/g, '[redacted-token]'],
  [/\b[0-9a-f]{64}\b/g, '[redacted-id]'],
  // Vietnamese phone numbers in either form.
  [/(?<![\d.])(?:\+84|0)\d{9,10}\b/g, '[redacted-phone]'],
];

export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}

/** Errors are flattened to text (with their causes) first: inspecting them would print own properties such as `params`. */
function describe(value: unknown, depth = 0): string {
  if (value instanceof Error) {
    const own = value.stack ?? `${value.name}: ${value.message}`;
    const cause = (value as { cause?: unknown }).cause;
    return cause !== undefined && depth < 5 ? `${own}\n[cause] ${describe(cause, depth + 1)}` : own;
  }
  if (typeof value === 'string') return value;
  return inspect(value, { depth: 4, breakLength: Infinity });
}

export function redactForLog(value: unknown): string {
  return redact(describe(value));
}

const INSTALLED = Symbol.for('portal.logRedaction');

/** Routes every console method of this process through `redact`; safe to call more than once. */
export function installLogRedaction(): void {
  const c = console as Console & { [INSTALLED]?: boolean };
  if (c[INSTALLED]) return;
  c[INSTALLED] = true;
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    const original = c[method].bind(c);
    c[method] = (...args: unknown[]) => original(...args.map(redactForLog));
  }
}
