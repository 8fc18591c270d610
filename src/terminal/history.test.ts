import { describe, expect, it } from 'vitest';
import { createWorld } from '../sim';
import { HISTSIZE, remember } from './history';
import { terminalOn } from './testing/terminal';

describe('the shell history, as bash keeps it (HISTSIZE 500, numbers from history_base)', () => {
  it('keeps every line until HISTSIZE, numbered from 1', () => {
    const t = terminalOn(createWorld());
    for (let i = 1; i <= 3; i++) t.run(`echo ${i}`);
    expect(t.run('history').out).toBe(
      '    1  echo 1\n    2  echo 2\n    3  echo 3\n    4  history\n',
    );
  });

  it('a full history drops its oldest line and the numbers move on', () => {
    const t = terminalOn(createWorld());
    for (let i = 1; i <= HISTSIZE + 20; i++) t.run(`echo ${i}`);
    const s = t.store.getState();
    expect(s.history).toHaveLength(HISTSIZE);
    expect(s.history[0]).toBe('echo 21');
    expect(s.historyOffset).toBe(20);
    const lines = t.run('history').out.split('\n');
    // The `history` line itself entered first, pushing `echo 21` out.
    expect(lines[0]).toBe('   22  echo 22');
    expect(lines[HISTSIZE - 1]).toBe('  521  history');
    expect(lines).toHaveLength(HISTSIZE + 1);
  });

  it('does not keep an empty line or a repeat of the line before', () => {
    const h = { history: ['ls'], historyOffset: 7 };
    expect(remember(h, '   ')).toBe(h);
    expect(remember(h, 'ls')).toBe(h);
    expect(remember(h, 'ps')).toEqual({ history: ['ls', 'ps'], historyOffset: 7 });
  });
});
