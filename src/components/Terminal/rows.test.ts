import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../store';
import type { TranscriptLine } from '../../store/types';
import { liveEchoes, overstrike, toRows, type Echo } from './rows';

const P = 'root@docker-host:~# ';
const text = (r: { segments: readonly { text: string }[] }) =>
  r.segments.map((s) => s.text).join('');

describe('transcript rows', () => {
  const lines: TranscriptLine[] = [
    { kind: 'prompt', prompt: P, command: 'docker run -p 70000:80 nginx' },
    { kind: 'stderr', text: 'docker: invalid hostPort: 70000.' },
    { kind: 'stdout', text: 'partial', open: true },
    { kind: 'prompt', prompt: P, command: 'docker ps' },
  ];

  it('keeps each stream apart and joins an open line to the prompt after it', () => {
    const { rows, open } = toRows(lines, []);
    expect(rows.map((r) => r.kind)).toEqual(['prompt', 'stderr', 'prompt']);
    expect(text(rows[2] ?? { segments: [] })).toBe(`partial${P}docker ps`);
    expect(open).toEqual([]);
  });

  it('hands a trailing open line to the live prompt', () => {
    const { open } = toRows([{ kind: 'stdout', text: 'no newline', open: true }], []);
    expect(open).toEqual([{ kind: 'stdout', text: 'no newline' }]);
  });

  it('places the panel’s echoes after the line they followed', () => {
    const echo: Echo = {
      id: 1,
      after: lines[1] ?? null,
      lines: [{ kind: 'prompt', prompt: P, command: 'docker rm', signal: '^C' }],
    };
    const { rows } = toRows(lines.slice(0, 2), [echo]);
    expect(rows.map(text)).toEqual([
      `${P}docker run -p 70000:80 nginx`,
      'docker: invalid hostPort: 70000.',
      `${P}docker rm^C`,
    ]);
  });

  it('drops echoes whose line was cleared away', () => {
    const gone: Echo = { id: 2, after: lines[0] ?? null, lines: [] };
    expect(liveEchoes([], [gone])).toEqual([]);
    expect(liveEchoes(lines, [gone])).toEqual([gone]);
  });

  it('keeps only the newest rows beyond the scrollback limit', () => {
    const many: TranscriptLine[] = Array.from({ length: 10 }, (_, i) => ({
      kind: 'stdout',
      text: `${i}`,
    }));
    expect(toRows(many, [], 3).rows.map(text)).toEqual(['7', '8', '9']);
  });
});

describe('carriage returns', () => {
  it('ends a CR LF line without showing the CR', () => {
    expect(overstrike('HTTP/1.1 200 OK\r')).toBe('HTTP/1.1 200 OK');
  });

  it('overwrites from the start of the line, as busybox wget’s progress bar does', () => {
    expect(overstrike('index.html   0% \rindex.html 100% |****|')).toBe('index.html 100% |****|');
    expect(overstrike('abcdef\rXY')).toBe('XYcdef');
  });

  it('shows a succeeding command’s stderr as output, a failing one’s as an error', () => {
    const store = createAppStore();
    store.getState().runCommand('conntrack -L'); // exit 0, its summary on stderr
    store.getState().runCommand('docker stop nosuch'); // exit 1
    const { rows } = toRows(store.getState().transcript, []);
    const summary = rows.find((r) => text(r).includes('flow entries have been shown'));
    expect(summary?.kind).toBe('stdout');
    const failure = rows.find((r) => text(r).includes('No such container: nosuch'));
    expect(failure?.kind).toBe('stderr');
  });
});
