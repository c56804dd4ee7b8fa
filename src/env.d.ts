/// <reference types="astro/client" />
declare namespace App {
  interface Locals {
    lang: import('./i18n/index.ts').Lang;
    user: import('./server/auth/session.ts').SessionUser | null;
    sessionId: string | null;
    /** Set by the middleware when a page threw an AppError; read by /error. */
    error?: { status: number; message: string };
  }
}
