// Another tab's save reaches this tab's app store: Recent labs is read again, the banner offers
// the newer lab. Node has no window: a bare EventTarget stands in for it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../../store';
import { HISTORY_KEY, STORAGE_KEY, type KeyValueStorage } from '../../store/storage';
import { watchOtherTabs } from './tabs';

const storage: KeyValueStorage = {
  getItem: () => null,
  setItem: () => {},
  removeItem: () => {},
};
const storageEvent = (fields: {
  storageArea: unknown;
  key: string | null;
  newValue: string | null;
}) => Object.assign(new Event('storage'), fields);

const g = globalThis as { window?: EventTarget };
beforeEach(() => {
  g.window = new EventTarget();
});
afterEach(() => {
  delete g.window;
});

describe('watchOtherTabs', () => {
  it("bumps the store's Recent labs when another tab changed the history", () => {
    const app = createAppStore();
    const stop = watchOtherTabs(app, storage);
    g.window?.dispatchEvent(
      storageEvent({ storageArea: storage, key: HISTORY_KEY, newValue: '[]' }),
    );
    expect(app.getState().recentSeq).toBe(1);
    expect(app.getState().shareIssue).toBeNull();
    stop();
  });

  it("offers the newer lab in the store's banner when another tab saved the lab", () => {
    const app = createAppStore();
    const stop = watchOtherTabs(app, storage);
    g.window?.dispatchEvent(
      storageEvent({ storageArea: storage, key: STORAGE_KEY, newValue: '{}' }),
    );
    expect(app.getState().shareIssue).toStrictEqual({
      key: 'share.otherTab',
      tone: 'info',
      actions: [{ kind: 'open-current' }],
    });
    stop();
  });

  it('ignores another storage, a cleared slot, and everything once stopped', () => {
    const app = createAppStore();
    const stop = watchOtherTabs(app, storage);
    g.window?.dispatchEvent(storageEvent({ storageArea: {}, key: HISTORY_KEY, newValue: '[]' }));
    g.window?.dispatchEvent(
      storageEvent({ storageArea: storage, key: STORAGE_KEY, newValue: null }),
    );
    stop();
    g.window?.dispatchEvent(
      storageEvent({ storageArea: storage, key: HISTORY_KEY, newValue: '[]' }),
    );
    expect(app.getState().recentSeq).toBe(0);
    expect(app.getState().shareIssue).toBeNull();
  });
});
