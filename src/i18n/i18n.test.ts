import { describe, expect, it } from 'vitest';
import { WHY_EN } from '../sim';
import { en } from './en';
import { translate } from './index';

describe('translate', () => {
  it('fills parameters from why.params', () => {
    expect(translate('rx', { iface: 'docker0' })).toBe('The frame arrives on docker0.');
  });
  it('falls back to the key itself for a key it does not know', () => {
    expect(translate('no.such.key')).toBe('no.such.key');
  });
  it('has a sentence for every key the engine can emit', () => {
    for (const key of Object.keys(WHY_EN)) expect(Object.keys(en)).toContain(key);
  });
});
