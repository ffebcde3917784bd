import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** The DER prefix that turns a raw 32-byte Ed25519 public key into an SPKI key Node can load. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function ed25519PublicKey(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('an Ed25519 public key is 64 hexadecimal characters');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * Discord signs `timestamp + raw body` with the application's key. A request with a missing,
 * malformed or wrong signature, or a timestamp too far from now (a replay), is refused.
 */
export function checkSignature(
  key: KeyObject,
  signatureHex: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  options: { now?: number; maxSkewSeconds?: number } = {},
): SignatureCheck {
  if (!signatureHex || !timestamp) return { ok: false, reason: 'missing signature headers' };
  if (!/^[0-9a-f]{128}$/i.test(signatureHex)) return { ok: false, reason: 'malformed signature' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed timestamp' };
  const valid = verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signatureHex, 'hex'));
  if (!valid) return { ok: false, reason: 'bad signature' };
  const skew = Math.abs((options.now ?? Date.now()) / 1000 - Number(timestamp));
  if (skew > (options.maxSkewSeconds ?? 300)) return { ok: false, reason: 'timestamp too old or in the future' };
  return { ok: true };
}
