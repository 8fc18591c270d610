import { describe, expect, it } from 'vitest';
import { createUiStore } from '../store/ui-slice';
import { detectLang } from './detect';

describe('the interface language', () => {
  it('is English outside a browser', () => {
    expect(detectLang()).toBe('en');
  });
  it('lives in the UI store, where a switch changes it', () => {
    const ui = createUiStore({ lang: 'zh-CN' });
    expect(ui.getState().lang).toBe('zh-CN');
    ui.getState().setLang('en');
    expect(ui.getState().lang).toBe('en');
    expect(createUiStore().getState().lang).toBe('en');
  });
});
