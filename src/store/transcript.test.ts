// The transcript is a scrollback: the newest SCROLLBACK lines, the count of those dropped kept beside.
import { describe, expect, it } from 'vitest';
import { createAppStore } from './index';
import { renderTranscript, SCROLLBACK } from './transcript';

describe('the transcript’s scrollback bound', () => {
  it('keeps the newest 5,000 lines of 6,000 commands and counts the ones it dropped', () => {
    const store = createAppStore();
    // Each `echo` is two lines: the prompt with its command, and what it printed.
    for (let i = 0; i < 3000; i++) store.getState().runCommand(`echo line${i}`);
    const s = store.getState();
    expect(SCROLLBACK).toBe(5000);
    expect(s.transcript.length).toBe(5000);
    expect(s.transcriptOffset).toBe(1000);
    const text = renderTranscript(s.transcript).split('\n');
    expect(text[0]).toBe('root@docker-host:~# echo line500');
    expect(text[text.length - 2]).toBe('line2999');
    store.getState().clearTranscript();
    expect(store.getState()).toMatchObject({ transcript: [], transcriptOffset: 0 });
  });
});
