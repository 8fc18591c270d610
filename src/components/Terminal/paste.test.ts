import { describe, expect, it } from 'vitest';
import { splitPaste } from './paste';

describe('pasting into the prompt', () => {
  it('inserts a single line at the cursor without running it', () => {
    expect(splitPaste('docker  -a', 7, 'ps')).toEqual({ run: [], line: 'docker ps -a', cursor: 9 });
  });

  it('runs every complete line and leaves an empty prompt after a final newline', () => {
    expect(splitPaste('', 0, 'docker network ls\ndocker ps\n')).toEqual({
      run: ['docker network ls', 'docker ps'],
      line: '',
      cursor: 0,
    });
  });

  it('keeps an unfinished last line in the input to edit', () => {
    expect(splitPaste('', 0, 'docker ps\ndocker run -itd busy')).toEqual({
      run: ['docker ps'],
      line: 'docker run -itd busy',
      cursor: 20,
    });
  });

  it('joins what was typed before the cursor to the first pasted line, and keeps the rest after', () => {
    expect(splitPaste('docker  # note', 7, 'ps\nifconfig')).toEqual({
      run: ['docker ps'],
      line: 'ifconfig # note',
      cursor: 8,
    });
  });

  it('replaces the selection', () => {
    expect(splitPaste('docker XX', 7, 'ps\n', 9)).toEqual({
      run: ['docker ps'],
      line: '',
      cursor: 0,
    });
  });

  it('treats CR LF and lone CR as line ends, and keeps blank lines as empty commands', () => {
    expect(splitPaste('', 0, 'a\r\n\r\nb\rc').run).toEqual(['a', '', 'b']);
  });
});
