import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import glyphs from './cjk-glyphs.json';

// The same files and character classes as scripts/font-subset.sh.
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/g;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path) ? [path] : [];
  });
}

// Every source file but tests: catalogues, lessons, and components that keep their own strings.
const sources = tsFiles('src');

describe('the bundled CJK font subset', () => {
  it('has a glyph for every CJK character in src (else run scripts/font-subset.sh)', () => {
    const inFont = new Set(glyphs.chars);
    const missing = new Map<string, string>();
    for (const file of sources) {
      for (const c of readFileSync(file, 'utf-8').match(CJK) ?? []) {
        if (!inFont.has(c) && !missing.has(c)) missing.set(c, file);
      }
    }
    expect([...missing].map(([c, file]) => `${c} (${file})`)).toEqual([]);
  });
  it('lists each character once, in code point order, as the script writes them', () => {
    const chars = [...glyphs.chars];
    expect(chars.length).toBe(glyphs.count);
    expect(chars).toEqual([...new Set(chars)].sort());
  });
});
