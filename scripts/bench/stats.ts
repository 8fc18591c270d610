// Small statistics and progress output shared by the browser figures.

export const median = (xs: readonly number[]): number => quantile(xs, 0.5);

export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i] ?? NaN;
}

/** "p25–p75 a–b, min–max c–d, n" of a sample, for a median's line (the machine is shared). */
export function spread(xs: readonly number[]): string {
  const r = (q: number) => round(quantile(xs, q));
  return `p25–p75 ${r(0.25)}–${r(0.75)}, min–max ${r(0)}–${r(1)}, n=${xs.length}`;
}

export const round = (n: number, d = 1): number => +n.toFixed(d);

/** Progress on stderr, so stdout stays one JSON object per line. */
export const log = (msg: string) => process.stderr.write(`bench browser: ${msg}\n`);
