import { beforeAll, describe, expect, it } from 'vitest';
import { WHY_EN } from '../sim';
import { en } from './en';
import { hasCatalogue, loadCatalogue, translate } from './index';

describe('translate', () => {
  it('fills parameters from why.params', () => {
    expect(translate('tx.bridge', { iface: 'docker0' })).toBe(
      'The host sends the frame into the bridge docker0.',
    );
  });
  it('falls back to the key itself for a key it does not know', () => {
    expect(translate('no.such.key')).toBe('no.such.key');
  });
  it("narrates in English with the engine's own sentences, not a copy of them", () => {
    expect(en).toBe(WHY_EN);
  });
});

describe('the Chinese catalogue, fetched when first chosen', () => {
  it('is not there before it is asked for: English stands in, never a key', () => {
    expect(hasCatalogue('zh-CN')).toBe(false);
    expect(translate('playback.hop', { n: 3, total: 12 }, 'zh-CN')).toBe('hop 3 / 12');
  });
  it('loads once: the same promise every time, and then it is there', async () => {
    const p = loadCatalogue('zh-CN');
    expect(loadCatalogue('zh-CN')).toBe(p);
    expect(await p).toBe(true);
    expect(hasCatalogue('zh-CN')).toBe(true);
  });
});

describe('translate, interface strings', () => {
  beforeAll(() => loadCatalogue('zh-CN'));
  it('speaks the language asked for, narration and interface alike', () => {
    expect(translate('playback.hop', { n: 3, total: 12 }, 'zh-CN')).toBe('第 3 / 12 跳');
    expect(translate('playback.hop', { n: 3, total: 12 }, 'en')).toBe('hop 3 / 12');
    expect(translate('tx.bridge', { iface: 'docker0' }, 'zh-CN')).toBe(
      '宿主机把帧送进网桥 docker0。',
    );
  });
  it('falls back to English for a language it does not have', () => {
    expect(translate('header.networks', {}, 'fr')).toBe('Networks');
  });
});
