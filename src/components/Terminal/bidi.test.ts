import { describe, expect, it } from 'vitest';
import { showBidiControls } from './bidi';
import { toRows } from './rows';

describe('bidirectional controls in the transcript', () => {
  it('are shown as <U+XXXX>, as less shows them, every one of the nine', () => {
    expect(showBidiControls('a\u202ebc')).toBe('a<U+202E>bc');
    const all = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
    expect(showBidiControls(all)).toBe(
      '<U+202A><U+202B><U+202C><U+202D><U+202E><U+2066><U+2067><U+2068><U+2069>',
    );
    // Right-to-left letters themselves are text, not controls: left as they are.
    expect(showBidiControls('שלום abc')).toBe('שלום abc');
  });

  it('never reach a row: commands, output and an unfinished line', () => {
    const { rows, open } = toRows(
      [
        { kind: 'prompt', prompt: '# ', command: 'echo x\u202eyz' },
        { kind: 'stdout', text: 'x\u202eyz' },
        { kind: 'stdout', text: 'tail\u2067', open: true },
      ],
      [],
    );
    const shown = [...rows.flatMap((r) => r.segments), ...open].map((s) => s.text).join('|');
    expect(shown).toBe('# |echo x<U+202E>yz|x<U+202E>yz|tail<U+2067>');
  });
});
