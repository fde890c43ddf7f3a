import { createHash, randomBytes } from 'node:crypto'

/** A fresh secret for a cookie, bearer token or invite link (256 bits). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url')
}

/** Only hashes of secrets are stored: a database leak does not leak sessions. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}
