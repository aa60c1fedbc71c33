import { createHash, randomBytes } from 'node:crypto';

/** A PKCE verifier: 43 characters of base64url from 32 random bytes (RFC 7636 §4.1). */
export function createVerifier(): string {
  return randomBytes(32).toString('base64url');
}

/** The S256 challenge of a verifier: base64url(sha256(verifier)), no padding. */
export function challengeOf(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export function createState(): string {
  return randomBytes(16).toString('base64url');
}
