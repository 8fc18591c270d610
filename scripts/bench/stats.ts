// Small statistics and progress output shared by the browser figures.

export const median = (xs: readonly number[]): number => quantile(xs, 0.5);

export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i] ?? NaN;
}

export const round = (n: number, d = 1): number => +n.toFixed(d);

/** Progress on stderr, so stdout stays one JSON object per line. */
export const log = (msg: string) => process.stderr.write(`bench browser: ${msg}\n`);
