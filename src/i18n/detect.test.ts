import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store';
import { detectLang } from './detect';
import { loadCatalogue } from './index';

describe('the interface language', () => {
  it('is English outside a browser', () => {
    expect(detectLang()).toBe('en');
  });
  it('lives in the app store (its UI slice), where a switch changes it', () => {
    const ui = createAppStore({ ui: { lang: 'zh-CN' } });
    expect(ui.getState().lang).toBe('zh-CN');
    ui.getState().setLang('en');
    expect(ui.getState().lang).toBe('en');
    expect(createAppStore().getState().lang).toBe('en');
  });
  it('switches to Chinese only once its catalogue is here; a later choice wins over the fetch', async () => {
    const ui = createAppStore();
    ui.getState().setLang('zh-CN');
    expect(ui.getState().lang).toBe('en');
    ui.getState().setLang('en');
    const other = createAppStore();
    other.getState().setLang('zh-CN');
    await loadCatalogue('zh-CN');
    expect(ui.getState().lang).toBe('en');
    expect(other.getState().lang).toBe('zh-CN');
    ui.getState().setLang('zh-CN');
    expect(ui.getState().lang).toBe('zh-CN');
  });
});
