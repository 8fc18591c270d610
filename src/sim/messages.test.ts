import { describe, expect, it } from 'vitest';
import { fill, WHY_EN } from './messages';
import { why } from './walk/state';

describe('why: a hop reason the compiler checks', () => {
  it('carries a known key and the parameters its sentence needs', () => {
    expect(why('tx.bridge', { iface: 'docker0' })).toEqual({
      key: 'tx.bridge',
      params: { iface: 'docker0' },
    });
    expect(why('rx.lo')).toEqual({ key: 'rx.lo', params: {} });
  });
  it('refuses, at build time, a key the catalogue lacks or a sentence left without its holes', () => {
    // Each line below is a type error (tsc -b fails if one of them compiles): the runtime values
    // are beside the point.
    // @ts-expect-error: no such key
    why('no.such.key');
    // @ts-expect-error: 'tx.bridge' needs {iface}
    why('tx.bridge');
    // @ts-expect-error: 'drop.arp-failed' needs {ip} and {dev}
    why('drop.arp-failed', { ip: '10.0.0.1' });
    expect(true).toBe(true);
  });
});

describe('fill, the one {hole} formatter', () => {
  it('fills holes and leaves a hole with no parameter visible', () => {
    expect(fill(WHY_EN['tx.bridge'], { iface: 'docker0' })).toBe(
      'The host sends the frame into the bridge docker0.',
    );
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
