import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Crockford's base32: no I, L, O, U, so a code read off an envelope is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PREFIX = 'KG';
const RANDOM_CHARS = 16; // 80 bits: not guessable
const CHECK_CHARS = 6; // 30 bits of HMAC: a typo or a made-up code fails
const FORMAT = new RegExp(`^${PREFIX}-([${ALPHABET}]{${RANDOM_CHARS}})-([${ALPHABET}]{${CHECK_CHARS}})$`);

function base32(bytes: Buffer, length: number): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

function checkPart(key: Buffer, random: string): string {
  return base32(createHmac('sha256', key).update(`${PREFIX}-${random}`).digest(), CHECK_CHARS);
}

/** A new code for a return envelope, e.g. KG-7QX2M4ZP9KD3R8TA-H4Q2ZA. */
export function newMatrixCode(key: Buffer): string {
  const random = base32(randomBytes(10), RANDOM_CHARS);
  return `${PREFIX}-${random}-${checkPart(key, random)}`;
}

/** True if the code is well-formed and was issued with this key; a scanner's lower case is accepted. */
export function isGenuineMatrixCode(key: Buffer, code: string): boolean {
  const match = FORMAT.exec(code.trim().toUpperCase());
  if (!match) return false;
  const expected = Buffer.from(checkPart(key, match[1]!));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function normaliseMatrixCode(code: string): string {
  return code.trim().toUpperCase();
}
