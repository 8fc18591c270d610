import { describe, expect, it } from 'vitest';
import { paintedPieces } from './sgr';

describe('paintedPieces', () => {
  it('draws ip -c spans as coloured pieces and drops the escapes', () => {
    // A line of `ip -c addr` as iproute2 6.1 writes it (src/__fixtures__/terminal-corpus.json).
    const line =
      '2: \x1b[36meth0: \x1b[0m<BROADCAST> mtu 1500 state \x1b[32mUP \x1b[0mgroup default';
    expect(paintedPieces(line)).toEqual([
      { text: '2: ' },
      { text: 'eth0: ', colour: 36 },
      { text: '<BROADCAST> mtu 1500 state ' },
      { text: 'UP ', colour: 32 },
      { text: 'group default' },
    ]);
  });
  it('leaves text without escapes as it is', () => {
    expect(paintedPieces('a\x1bb')).toEqual([{ text: 'a\x1bb' }]);
  });
  it('ends a colour at any code it does not draw', () => {
    expect(paintedPieces('\x1b[1;33mx\x1b[1my')).toEqual([
      { text: 'x', colour: 33 },
      { text: 'y' },
    ]);
  });
});
