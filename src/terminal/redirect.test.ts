// The shell's redirections, word by word as bash reads them and line by line as bash (5.2) and
// busybox sh (1.35) ran them on Debian 12: the outputs below are theirs (bash -c / busybox sh -c,
// `line 1:` of bash -c left out, as the lab is an interactive shell).
import { describe, expect, it } from 'vitest';
import { splitWords } from './parse';
import { referenceHost } from './testing/reference-host';
import { terminalOn } from './testing/terminal';

describe('redirections as words', () => {
  it.each([
    ['cmd 2>/dev/null', ['cmd'], [{ fd: 2, op: '>', target: '/dev/null' }]],
    ['cmd 2>&1 | x', ['cmd', '|', 'x'], [{ fd: 2, op: '>&', target: '1' }]],
    ['cmd > /dev/null x', ['cmd', 'x'], [{ fd: 1, op: '>', target: '/dev/null' }]],
    ['cmd &>/dev/null', ['cmd'], [{ fd: 1, op: '&>', target: '/dev/null' }]],
    ['cmd >>/dev/null', ['cmd'], [{ fd: 1, op: '>>', target: '/dev/null' }]],
    // A descriptor number is only a bare word of digits: `a2>` writes a2's stdout.
    ['echo a2>/dev/null', ['echo', 'a2'], [{ fd: 1, op: '>', target: '/dev/null' }]],
    ["echo '2'>/dev/null", ['echo', '2'], [{ fd: 1, op: '>', target: '/dev/null' }]],
  ])('%s', (line, words, redirects) => {
    expect(splitWords(line)).toEqual({ ok: true, words, redirects });
  });
  it('leaves quoted operators as text', () => {
    expect(splitWords(`echo '2>/dev/null' "a>b"`)).toEqual({
      ok: true,
      words: ['echo', '2>/dev/null', 'a>b'],
    });
  });
});

describe('redirections as the shell applies them', () => {
  const host = () => terminalOn(referenceHost());
  it('2>/dev/null hides the error, keeps the status', () => {
    const r = host().run('iptables -L nosuch 2>/dev/null');
    expect([r.out, r.err, r.exit]).toEqual(['', '', 1]);
  });
  it('2>&1 sends errors down the pipe; order matters against >/dev/null', () => {
    expect(host().run('conntrack -L 2>&1 | wc -l').out).toBe('1\n');
    expect(host().run('cat /nosuch 2>&1 >/dev/null | wc -l').out).toBe('1\n');
    expect(host().run('cat /nosuch >/dev/null 2>&1 | wc -l').out).toBe('0\n');
  });
  it('>&2 and &> move or drop both streams', () => {
    expect(host().run('echo hi >&2')).toMatchObject({ out: '', err: 'hi\n' });
    expect(host().run('echo hi 1>&2 2>/dev/null')).toMatchObject({ out: '', err: 'hi\n' });
    expect(host().run('cat /nosuch &>/dev/null')).toMatchObject({ out: '', err: '', exit: 1 });
  });
  it("refuses what it can't open, before the command runs, in each shell's words", () => {
    expect(host().run('echo a >&3')).toMatchObject({
      out: '',
      err: 'bash: 3: Bad file descriptor\n',
      exit: 1,
    });
    expect(host().run('echo >')).toMatchObject({
      err: "bash: syntax error near unexpected token `newline'\n",
      exit: 2,
    });
    const c1 = terminalOn(referenceHost(), {
      location: { kind: 'container', name: 'c1', attached: false },
    });
    expect(c1.run('echo a >&3')).toMatchObject({ err: 'sh: 3: Bad file descriptor\n', exit: 1 });
    expect(c1.run('cat /nosuch 2>/dev/null')).toMatchObject({ out: '', err: '', exit: 1 });
  });
  it('says a file is not in the lab rather than pretend to write it', () => {
    const r = host().run('iptables-save > rules.txt');
    expect(r.out).toBe('');
    expect(r.err).toContain('rules.txt');
    expect(r.exit).toBe(1);
  });
});
