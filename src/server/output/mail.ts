import { createTransport } from 'nodemailer';
import { getEnv, type Env } from '#src/server/config/env.ts';

export type MailMessage = { to: string[]; subject: string; text: string };
export type MailOutcome = 'sent' | 'skipped' | 'failed';

type Transport = ReturnType<typeof createTransport>;

let cached: { url: string; transport: Transport } | undefined;

/**
 * The SMTP transport of the configured SMTP_URL; null when e-mail is not configured. Short time
 * limits: a mail server that hangs must not hold a connection open for minutes.
 */
export function mailTransport(env: Pick<Env, 'SMTP_URL'> = getEnv()): Transport | null {
  if (!env.SMTP_URL) return null;
  if (cached?.url !== env.SMTP_URL) {
    cached = {
      url: env.SMTP_URL,
      transport: createTransport({ url: env.SMTP_URL, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }),
    };
  }
  return cached.transport;
}

/**
 * Sends one plain-text e-mail when SMTP is configured. Never throws: e-mail is a courtesy on top of
 * what the portal shows, so a failure is logged (through the redacting console: no addresses, no
 * SMTP credentials) and reported as 'failed' for the caller to ignore.
 */
export async function sendMail(message: MailMessage, env: Pick<Env, 'SMTP_URL' | 'SMTP_FROM'> = getEnv()): Promise<MailOutcome> {
  const transport = mailTransport(env);
  const to = [...new Set(message.to.filter(Boolean))];
  if (!transport || to.length === 0) return 'skipped';
  try {
    await transport.sendMail({ from: env.SMTP_FROM ?? 'no-reply@localhost', to, subject: message.subject, text: message.text });
    return 'sent';
  } catch (error) {
    console.error('e-mail not sent:', error);
    return 'failed';
  }
}
