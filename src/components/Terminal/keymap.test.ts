import { describe, expect, it } from 'vitest';
import type { Completion } from '../../terminal/complete';
import { EMPTY_LINE, keyOf, reduceLine, type KeyContext, type LineState } from './keymap';

const noCompletion = (line: string, cursor: number): Completion => ({
  candidates: [],
  line,
  cursor,
});

const ctx = (over: Partial<KeyContext> = {}): KeyContext => ({
  history: ['docker ps', 'docker network ls'],
  complete: noCompletion,
  inContainer: false,
  ...over,
});

const typed = (line: string): LineState => ({ ...EMPTY_LINE, line, cursor: line.length });
const key = (k: Parameters<typeof reduceLine>[1] & { type: 'key' }) => k;
const press = (
  s: LineState,
  k:
    | 'Enter'
    | 'ArrowUp'
    | 'ArrowDown'
    | 'Tab'
    | 'Ctrl-C'
    | 'Ctrl-D'
    | 'Ctrl-L'
    | 'Ctrl-U'
    | 'Ctrl-K'
    | 'Ctrl-A'
    | 'Ctrl-E',
  c = ctx(),
) => reduceLine(s, key({ type: 'key', key: k, cursor: s.cursor }), c);

describe('the prompt line', () => {
  it('runs the line on Enter and starts a fresh one', () => {
    const r = press(typed('docker ps'), 'Enter');
    expect(r.effects).toEqual([{ type: 'run', line: 'docker ps' }]);
    expect(r.state).toEqual(EMPTY_LINE);
  });

  it('runs an empty line too, which prints a new prompt as bash does', () => {
    expect(press(EMPTY_LINE, 'Enter').effects).toEqual([{ type: 'run', line: '' }]);
  });

  it('walks the history up from the newest and back down to what was being typed', () => {
    let s = typed('ifcon');
    s = press(s, 'ArrowUp').state;
    expect(s.line).toBe('docker network ls');
    expect(s.cursor).toBe('docker network ls'.length);
    s = press(s, 'ArrowUp').state;
    expect(s.line).toBe('docker ps');
    expect(press(s, 'ArrowUp').state.line).toBe('docker ps'); // the oldest stays
    s = press(s, 'ArrowDown').state;
    expect(s.line).toBe('docker network ls');
    s = press(s, 'ArrowDown').state;
    expect(s.line).toBe('ifcon');
    expect(s.historyIndex).toBe(-1);
    expect(press(s, 'ArrowDown').state.line).toBe('ifcon');
  });

  it('abandons the line on Ctrl-C and echoes it for the ^C', () => {
    const r = press(typed('docker rm -f c1'), 'Ctrl-C');
    expect(r.effects).toEqual([{ type: 'interrupt', line: 'docker rm -f c1' }]);
    expect(r.state.line).toBe('');
  });

  it('clears the screen on Ctrl-L and keeps the line', () => {
    const r = press(typed('docker ps'), 'Ctrl-L');
    expect(r.effects).toEqual([{ type: 'clear-screen' }]);
    expect(r.state.line).toBe('docker ps');
  });

  it('leaves a container on Ctrl-D at an empty line, and ignores it on the host', () => {
    expect(press(EMPTY_LINE, 'Ctrl-D', ctx({ inContainer: true })).effects).toEqual([
      { type: 'run', line: 'exit' },
    ]);
    expect(press(EMPTY_LINE, 'Ctrl-D').effects).toEqual([]);
    expect(press(typed('ping'), 'Ctrl-D', ctx({ inContainer: true })).effects).toEqual([]);
  });

  it('edits like readline: Ctrl-U kills before the cursor, Ctrl-K after, Ctrl-A/E jump', () => {
    const mid: LineState = { ...EMPTY_LINE, line: 'docker ps -a', cursor: 7 };
    expect(press(mid, 'Ctrl-U').state).toMatchObject({ line: 'ps -a', cursor: 0 });
    expect(press(mid, 'Ctrl-K').state).toMatchObject({ line: 'docker ', cursor: 7 });
    expect(press(mid, 'Ctrl-A').state.cursor).toBe(0);
    expect(press(mid, 'Ctrl-E').state.cursor).toBe(12);
  });
});

describe('Tab completion', () => {
  const several = (line: string, cursor: number): Completion => ({
    candidates: ['network', 'node'],
    line,
    cursor,
  });

  it('takes the completed line and cursor from the completer', () => {
    const c = ctx({
      complete: () => ({ candidates: ['network'], line: 'docker network ', cursor: 15 }),
    });
    const r = press(typed('docker ne'), 'Tab', c);
    expect(r.state).toMatchObject({ line: 'docker network ', cursor: 15, tabArmed: false });
    expect(r.effects).toEqual([]);
  });

  it('lists several candidates on the second Tab only, as bash does', () => {
    const c = ctx({ complete: several });
    const first = press(typed('docker n'), 'Tab', c);
    expect(first.effects).toEqual([]);
    expect(first.state.tabArmed).toBe(true);
    const second = press(first.state, 'Tab', c);
    expect(second.effects).toEqual([
      { type: 'list', line: 'docker n', candidates: ['network', 'node'] },
    ]);
    expect(second.state.line).toBe('docker n');
  });

  it('forgets the first Tab once something is typed in between', () => {
    const c = ctx({ complete: several });
    const armed = press(typed('docker n'), 'Tab', c).state;
    const edited = reduceLine(armed, { type: 'edit', line: 'docker no', cursor: 9 }, c).state;
    expect(press(edited, 'Tab', c).effects).toEqual([]);
  });

  it('ends a word that is already the only candidate with a space, as bash does', () => {
    const c = ctx({ complete: (line, cursor) => ({ candidates: ['c2'], line, cursor }) });
    expect(press(typed('docker stop c2'), 'Tab', c).state).toMatchObject({
      line: 'docker stop c2 ',
      cursor: 15,
    });
    const mid: LineState = { ...EMPTY_LINE, line: 'docker stop c2 -t 1', cursor: 14 };
    expect(press(mid, 'Tab', c).state.line).toBe('docker stop c2 -t 1');
  });

  it('does nothing when there is no candidate', () => {
    const r = press(typed('frobnicate'), 'Tab');
    expect(r.effects).toEqual([]);
    expect(r.state.tabArmed).toBe(false);
  });
});

describe('which keys the terminal takes', () => {
  const k = (
    key: string,
    mods: Partial<{ ctrlKey: boolean; shiftKey: boolean; altKey: boolean; metaKey: boolean }> = {},
  ) => ({
    key,
    ctrlKey: false,
    shiftKey: false,
    altKey: false,
    metaKey: false,
    ...mods,
  });

  it('takes Enter, the arrows, Tab and the readline controls', () => {
    expect(keyOf(k('Enter'), false)).toBe('Enter');
    expect(keyOf(k('ArrowUp'), false)).toBe('ArrowUp');
    expect(keyOf(k('Tab'), false)).toBe('Tab');
    expect(keyOf(k('c', { ctrlKey: true }), false)).toBe('Ctrl-C');
    expect(keyOf(k('L', { ctrlKey: true }), false)).toBe('Ctrl-L');
  });

  it('leaves copy to the browser while text is selected', () => {
    expect(keyOf(k('c', { ctrlKey: true }), true)).toBeNull();
  });

  it('lets Shift-Tab move focus out, and leaves ordinary keys alone', () => {
    expect(keyOf(k('Tab', { shiftKey: true }), false)).toBeNull();
    // An empty line has nothing to complete: Tab moves focus on, as everywhere else on the page.
    expect(keyOf(k('Tab'), false, true)).toBeNull();
    expect(keyOf(k('Tab'), false, false)).toBe('Tab');
    expect(keyOf(k('a'), false)).toBeNull();
    expect(keyOf(k('v', { ctrlKey: true }), false)).toBeNull();
    expect(keyOf(k('c', { metaKey: true }), false)).toBeNull();
  });
});
