const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

function format(bytes: Uint8Array, version: number): string {
  bytes[6] = (bytes[6]! & 0x0f) | (version << 4);
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant 10xx
  const h = hex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * A lowercase UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits, so ids
 * sort roughly by time. Uses `crypto.getRandomValues`, which works outside secure contexts.
 *
 * @param now milliseconds since the epoch; default `Date.now()`.
 * @example
 * uuidv7(); // '019aab3c-5d1e-7f21-9c4b-2a1f0e3d4c5b'
 */
export function uuidv7(now: number = Date.now()): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  // Bitwise operators truncate to 32 bits, and a millisecond time needs 48.
  for (let i = 0; i < 6; i++) bytes[i] = Math.floor(now / 2 ** (8 * (5 - i))) % 256;
  return format(bytes, 7);
}

/** A random lowercase UUIDv4, e.g. for the per-browser receipt subject. */
export function uuidv4(): string {
  return format(crypto.getRandomValues(new Uint8Array(16)), 4);
}
