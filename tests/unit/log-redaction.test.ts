import { describe, expect, it } from 'vitest';
import { redact, redactForLog } from '#src/server/config/log.ts';

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA';

describe('log redaction', () => {
  it('drops the parameters of a failed drizzle query (e-mail, argon2 hash) whatever they are', () => {
    const error = new Error(
      `Failed query: insert into "users" ("role", "email", "password_hash") values (?, ?, ?)\nparams: business,owner@example.com,${HASH}`,
    );
    (error as Error & { params?: unknown[] }).params = ['business', 'owner@example.com', HASH];
    (error as Error & { cause?: unknown }).cause = new Error('SQLITE_CONSTRAINT_UNIQUE: UNIQUE constraint failed: businesses.tax_code');
    const line = redactForLog(error);
    expect(line).not.toContain('owner@example.com');
    expect(line).not.toContain('$argon2id$');
    expect(line).toContain('Failed query: insert into "users"');
    expect(line).toContain('UNIQUE constraint failed: businesses.tax_code');
  });

  it('removes hashes, e-mails, tokens, cookies and passwords in free text', () => {
    const text = redact(
      `user a.b_c+d@mail.example.vn hash ${HASH} cookie: session=abcdefghijklmnopqrstuvwxyz234567 password=hunter2-secret token "abcdefghijklmnopqrstuvwxyz234567" phone 0912345678`,
    );
    for (const secret of ['a.b_c+d@mail.example.vn', '$argon2id$', 'abcdefghijklmnopqrstuvwxyz234567', 'hunter2-secret', '0912345678'])
      expect(text).not.toContain(secret);
  });

  it('keeps the credentials of a URL (SMTP_URL, DATABASE_URL) out of the log, the host stays readable', () => {
    const text = redact('connect failed: smtp://mailer:s3cret-pass@localhost:2525 and smtps://only-user@mail.example.vn');
    expect(text).not.toContain('s3cret-pass');
    expect(text).not.toContain('mailer');
    expect(text).not.toContain('only-user');
    expect(text).toContain('smtp://[redacted]@localhost:2525');
  });

  it('redacts objects too (request bodies)', () => {
    const line = redactForLog({ login: 'x@example.com', password: 'mat-khau-bi-mat', passwordHash: HASH });
    expect(line).not.toContain('x@example.com');
    expect(line).not.toContain('mat-khau-bi-mat');
    expect(line).not.toContain('$argon2');
  });
});
