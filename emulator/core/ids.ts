/**
 * Deterministic ids. Handlers never call Math.random: every id the emulator makes comes from this
 * seeded generator, whose state lives in the store, so a snapshot or a replay reproduces the same ids
 * and tests with a fixed seed see fixed ids.
 */
import { v4 as uuidv4 } from 'uuid';

export type RngState = [number, number, number, number];

/** A random seed for a new emulator; the only Math.random outside tests. */
export function randomSeed(): RngState {
  return [0, 0, 0, 0].map(() => (Math.random() * 2 ** 32) >>> 0) as RngState;
}

/** A fixed seed from a number or string (config --seed). */
export function seedFrom(value: number | string): RngState {
  let h = 1779033703 ^ String(value).length;
  const s = String(value);
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const next = () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
  return [next(), next(), next(), next()];
}

/** sfc32 over state held by the caller (the store), so it persists. */
export class Ids {
  constructor(private readonly state: () => RngState) {}

  /** A 32-bit unsigned random integer. */
  next(): number {
    const s = this.state();
    let [a, b, c, d] = s;
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    s[0] = a >>> 0;
    s[1] = b >>> 0;
    s[2] = c >>> 0;
    s[3] = d >>> 0;
    return t >>> 0;
  }

  /** An integer in [0, max). */
  int(max: number): number {
    return Math.floor((this.next() / 2 ** 32) * max);
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 4) {
      const v = this.next();
      for (let j = 0; j < 4 && i + j < n; j++) out[i + j] = (v >>> (8 * j)) & 0xff;
    }
    return out;
  }

  /** n lower-case hex digits, e.g. the 17 of an instance id. */
  hex(n: number): string {
    let s = '';
    while (s.length < n) s += this.next().toString(16).padStart(8, '0');
    return s.slice(0, n);
  }

  /** A version 4 UUID built from the seeded bytes. */
  uuid(): string {
    return uuidv4({ random: this.bytes(16) });
  }

  /** n characters from an alphabet (activation codes, tokens). */
  chars(n: number, alphabet: string): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[this.int(alphabet.length)];
    return s;
  }
}
