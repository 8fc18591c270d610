// The Share banner and the Recent-labs counter live in the app store (one store, one subscription).
import { describe, expect, it } from 'vitest';
import { createAppStore } from './index';

describe('share slice', () => {
  it('starts with no banner and an unchanged Recent labs', () => {
    const s = createAppStore().getState();
    expect(s.shareIssue).toBeNull();
    expect(s.recentSeq).toBe(0);
  });

  it('showError puts the sentence, its parameters and the ways back in the banner', () => {
    const app = createAppStore();
    app
      .getState()
      .showError('share.keptRefused', { reason: 'bad JSON' }, [{ kind: 'download', id: 'k1' }]);
    expect(app.getState().shareIssue).toStrictEqual({
      key: 'share.keptRefused',
      tone: 'error',
      params: { reason: 'bad JSON' },
      actions: [{ kind: 'download', id: 'k1' }],
    });
    // Without parameters or actions, the issue carries none (no undefined keys).
    app.getState().showError('share.keptGone');
    expect(app.getState().shareIssue).toStrictEqual({ key: 'share.keptGone', tone: 'error' });
  });

  it('showIssue replaces the message; clearIssue takes the banner away', () => {
    const app = createAppStore();
    app.getState().showError('share.keptGone');
    const info = { key: 'share.framed', tone: 'info' } as const;
    app.getState().showIssue(info);
    expect(app.getState().shareIssue).toBe(info);
    app.getState().clearIssue();
    expect(app.getState().shareIssue).toBeNull();
  });

  it('bumpRecent counts each change, and subscribers of the app store hear it', () => {
    const app = createAppStore();
    const seen: number[] = [];
    const unsubscribe = app.subscribe((s, prev) => {
      if (s.recentSeq !== prev.recentSeq) seen.push(s.recentSeq);
    });
    app.getState().bumpRecent();
    app.getState().bumpRecent();
    unsubscribe();
    expect(seen).toEqual([1, 2]);
  });

  it('keeps the banner apart from the lab: a world action leaves it, the world is untouched by it', () => {
    const app = createAppStore();
    const world = app.getState().world;
    app.getState().showError('share.keptGone');
    expect(app.getState().world).toBe(world);
    app.getState().runContainer({ image: 'nginx', name: 'c1', detach: true });
    expect(app.getState().shareIssue?.key).toBe('share.keptGone');
  });
});
