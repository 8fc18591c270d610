// Seeded generator (mulberry32) whose state lives in the world: ids, MACs and names are reproducible.

/** One step: returns a 32-bit unsigned value and the next state. */
export function nextRandom(state: number): [value: number, next: number] {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [(t ^ (t >>> 14)) >>> 0, next];
}

/** A cursor over the generator for one operation; read `.state` back into the world at the end. */
export class Rng {
  constructor(public state: number) {}

  u32(): number {
    const [v, s] = nextRandom(this.state);
    this.state = s;
    return v;
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) out += this.u32().toString(16).padStart(8, '0');
    return out.slice(0, length);
  }

  bytes(n: number): number[] {
    return Array.from({ length: n }, () => this.u32() & 255);
  }

  /** A random locally administered unicast MAC, as the kernel and Docker >= 28 make them. */
  mac(): string {
    const b = this.bytes(6);
    b[0] = ((b[0] ?? 0) & ~1) | 2;
    return b.map((x) => x.toString(16).padStart(2, '0')).join(':');
  }
}
