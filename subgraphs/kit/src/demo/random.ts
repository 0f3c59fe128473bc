import type { IsoDate } from '../scalars.ts';
import { fromDayNumber, toDayNumber } from './dates.ts';

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks proportionally to the (non-negative) weights. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  chance(p: number): boolean;
  /** Calendar day in [from, to], both inclusive. */
  date(from: IsoDate, to: IsoDate): IsoDate;
  /** RFC 4122 version-4 layout, but reproducible from the seed. */
  uuid(): string;
}

// sfc32 uses only 32-bit integer arithmetic, which JavaScript specifies exactly, so every engine yields the same stream.
function sfc32(seedA: number, seedB: number, seedC: number, seedD: number): () => number {
  let a = seedA >>> 0;
  let b = seedB >>> 0;
  let c = seedC >>> 0;
  let d = seedD >>> 0;
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
}

const TWO_POW_32 = 0x1_0000_0000;

/** Accepts any safe integer; seeds differing only above bit 32 (e.g. from `hashKeys`) still give different streams. */
export function createRandom(seed: number): Random {
  const low = seed >>> 0;
  const high = Math.floor(seed / TWO_POW_32) >>> 0;
  const nextUint32 = sfc32(0x9e3779b9, high, low, 1);
  // The first outputs still resemble the seed; discarding them decorrelates neighbouring seeds.
  for (let i = 0; i < 15; i++) nextUint32();

  const next = (): number => nextUint32() / TWO_POW_32;
  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || min > max) {
      throw new RangeError(`int(${min}, ${max}) needs integers with min <= max`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };
  const hex = (): string => nextUint32().toString(16).padStart(8, '0');

  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new RangeError('pick() from an empty list');
      return item;
    },
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      const total = entries.reduce((sum, [, weight]) => sum + Math.max(0, weight), 0);
      if (!(total > 0)) throw new RangeError('weighted() needs at least one positive weight');
      let remaining = next() * total;
      for (const [value, weight] of entries) {
        remaining -= Math.max(0, weight);
        if (remaining < 0) return value;
      }
      // Floating-point rounding can leave a sliver at the end; it belongs to the last positive weight.
      const last = entries.filter(([, weight]) => weight > 0).at(-1);
      if (last === undefined) throw new RangeError('weighted() needs at least one positive weight');
      return last[0];
    },
    chance: (p: number): boolean => next() < p,
    date: (from: IsoDate, to: IsoDate): IsoDate => fromDayNumber(int(toDayNumber(from), toDayNumber(to))),
    uuid(): string {
      const [a, b, c, d] = [hex(), hex(), hex(), hex()];
      const variant = ((parseInt(c.slice(0, 1), 16) & 0x3) | 0x8).toString(16);
      return `${a}-${b.slice(0, 4)}-4${b.slice(4, 7)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
    },
  };
}

/** cyrb53: a fast 53-bit string hash; the separator keeps ('ab', 'c') apart from ('a', 'bc'). */
export function hashKeys(...keys: readonly string[]): number {
  const text = keys.join('\u001f');
  let h1 = 0xdeadbeef ^ keys.length;
  let h2 = 0x41c6ce57 ^ keys.length;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 & 0x1f_ffff) * TWO_POW_32 + (h1 >>> 0);
}

/**
 * A stream owned by one purpose, e.g. `demoRandom('agentur', person.id)`: a subgraph's own choices about a
 * person stay the same however many other draws anyone else makes.
 */
export function demoRandom(...keys: readonly string[]): Random {
  return createRandom(hashKeys(...keys));
}
