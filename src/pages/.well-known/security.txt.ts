import type { APIRoute } from 'astro';
import { securityContact } from '#src/server/config/env.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * RFC 9116 security.txt: where to report a vulnerability privately. The deployment sets
 * SECURITY_CONTACT; without it there is no file rather than an address nobody reads.
 */
export const GET: APIRoute = ({ url }) => {
  const contact = securityContact();
  if (!contact) return new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  // RFC 9116 asks for an expiry under a year ahead; computed per request, so it never goes stale.
  const expires = new Date(Date.now() + 180 * DAY_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const body = [
    `Contact: ${contact}`,
    `Expires: ${expires}`,
    'Preferred-Languages: vi, en',
    `Canonical: ${url.origin}/.well-known/security.txt`,
    '',
  ].join('\n');
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=86400' },
  });
};
