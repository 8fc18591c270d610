import { describe, expect, it } from 'vitest';
import { endsLines, formSize, formsOf } from './calloutForms';

const before = { src: '203.0.113.5:40000', dst: '192.0.2.10:8080' };
const after = { src: '203.0.113.5:40000', dst: '172.17.0.2:80' };
const dnat = { src: false, dst: true };

describe("the packet's words, form by form", () => {
  it('a DNAT hop ends with the rewrite alone: the destination, old → new', () => {
    const forms = formsOf(before, dnat);
    expect(forms.map((f) => f.ends)).toEqual(['all', 'all', 'all', 'rewrite', 'rewrite']);
    expect(endsLines(forms[0]!, after, before, dnat)).toEqual([
      '203.0.113.5:40000 → 192.0.2.10:8080',
      '203.0.113.5:40000 → 172.17.0.2:80',
    ]);
    expect(endsLines(forms[3]!, after, before, dnat)).toEqual(['192.0.2.10:8080 → 172.17.0.2:80']);
    expect(endsLines(forms[4]!, after, before, dnat)).toEqual([
      '192.0.2.10:8080 →',
      '172.17.0.2:80',
    ]);
  });

  it('a hop without a rewrite never drops its ends', () => {
    const forms = formsOf(null, { src: false, dst: false });
    expect(forms.every((f) => f.ends === 'all')).toBe(true);
    for (const f of forms)
      expect(endsLines(f, after, null, dnat).join(' ')).toContain('172.17.0.2:80');
  });

  it('each form is sized at the one font size: less said is smaller, never a smaller font', () => {
    const forms = formsOf(before, dnat);
    const sizes = forms.map((f) =>
      formSize(f, endsLines(f, after, before, dnat), 'SYN  → request  nat', false, 15, 2000),
    );
    // Every line at 15 px: a 35-character line of 0.62 em plus the padding, 1.45 em a line.
    expect(sizes[1]).toEqual({ w: 35 * 0.62 * 15 + 30, h: 2 * 1.45 * 15 + 18 });
    for (let i = 1; i < sizes.length; i++)
      expect(sizes[i]!.w * sizes[i]!.h).toBeLessThanOrEqual(sizes[i - 1]!.w * sizes[i - 1]!.h);
    // A Chinese kind line is as wide as its characters.
    const zh = formSize(forms[0]!, [], 'ARP 请求：谁是 172.17.0.1', false, 20, 2000);
    expect(zh.w).toBeGreaterThan(5 * 20);
  });
});
