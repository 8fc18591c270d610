import { describe, expect, it } from 'vitest';
import { atHand, onFirstNeed } from './late';

describe('a part that arrives late', () => {
  it('at hand: there from the start', async () => {
    const part = atHand('shell');
    expect(part.current()).toBe('shell');
    expect(await part.load()).toBe('shell');
  });

  it('fetched on first need: once, and only when asked for', async () => {
    let fetches = 0;
    const part = onFirstNeed(async () => {
      fetches += 1;
      return 'shell';
    });
    expect(fetches).toBe(0);
    expect(part.current()).toBeNull();
    const first = part.load();
    expect(part.load()).toBe(first);
    expect(await first).toBe('shell');
    expect(part.current()).toBe('shell');
    expect(fetches).toBe(1);
  });

  it('a failed fetch is tried again at the next need', async () => {
    let fails = 1;
    const part = onFirstNeed(async () => {
      if (fails-- > 0) throw new Error('offline');
      return 'shell';
    });
    await expect(part.load()).rejects.toThrow('offline');
    expect(part.current()).toBeNull();
    expect(await part.load()).toBe('shell');
  });
});
