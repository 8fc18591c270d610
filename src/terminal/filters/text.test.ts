// The lab's filters against what GNU grep/coreutils and busybox 1.35 printed over the same text
// (a reference Docker host's iptables-save; recorded by scripts/record-filters.sh, run under LC_ALL=C).
import { describe, expect, it } from 'vitest';
import fixture from '../../__fixtures__/filters.json';
import { createAppStore } from '../../store';
import type { Ctx } from '../context';
import { FILTERS } from './text';
import { splitPipeline } from './split';
import { readFileSync } from 'node:fs';

interface Ran {
  stdout: string;
  stderr: string;
  status: number | null;
}
const input = readFileSync(
  new URL('../../__fixtures__/host__iptables-save.txt', import.meta.url),
  'utf8',
);

/** Runs "f args | f args" over the text, as the shell runs the stages after the first command. */
function runFilters(line: string, busybox: boolean): Ran {
  let text = input;
  let status = 0;
  let stderr = '';
  for (const stage of line.split(' | ')) {
    const [name = '', ...args] = stage.split(' ');
    let out = '';
    const ctx = {
      where: busybox ? { kind: 'container', name: 'c1' } : { kind: 'host' },
      out: (t: string) => (out += t),
      err: (t: string) => (stderr += t),
    } as unknown as Ctx;
    const filter = FILTERS[name];
    if (!filter) throw new Error(`no filter ${name}`);
    status = filter(args, text, ctx);
    text = out;
  }
  return { stdout: text, stderr, status };
}

describe('text filters after a pipe', () => {
  it('the fixture was recorded from the reference text', () => {
    expect(fixture.cases.length).toBeGreaterThan(20);
    expect(input).toContain('-j DNAT --to-destination 172.17.0.2:80');
  });
  for (const c of fixture.cases as { line: string; gnu: Ran; busybox: Ran }[]) {
    it(`${c.line}: as GNU on the host`, () => {
      expect(runFilters(c.line, false)).toEqual({
        stdout: c.gnu.stdout,
        stderr: c.gnu.stderr,
        status: c.gnu.status,
      });
    });
    it(`${c.line}: as busybox in a container`, () => {
      expect(runFilters(c.line, true)).toEqual({
        stdout: c.busybox.stdout,
        stderr: c.busybox.stderr,
        status: c.busybox.status,
      });
    });
  }
});

describe('a typed pipeline', () => {
  const run = (line: string) => {
    const store = createAppStore();
    store.getState().runCommand('docker run -d --name web -p 8080:80 nginx');
    store.getState().runCommand(line);
    const t = store.getState().transcript;
    return t[t.length - 1];
  };
  it('cuts the line only at unquoted bars', () => {
    expect(splitPipeline("iptables -S | grep 'a|b' | head")).toEqual([
      'iptables -S ',
      " grep 'a|b' ",
      ' head',
    ]);
    expect(splitPipeline('echo "x|y" \\| z')).toBeNull();
    expect(splitPipeline('ls # a | b')).toBeNull();
  });
  it("filters the first command's output and keeps its side effects", () => {
    const full = run('iptables -t nat -S');
    const piped = run('iptables -t nat -S | grep DNAT');
    const want = JSON.stringify(full).includes('DNAT');
    expect(want).toBe(true);
    expect(JSON.stringify(piped)).toContain('-j DNAT --to-destination 172.17.0.2:80');
    expect(JSON.stringify(piped)).not.toContain('MASQUERADE');
  });
  it('says what bash says about an empty stage', () => {
    expect(JSON.stringify(run('| grep x'))).toContain(
      "bash: syntax error near unexpected token `|'",
    );
    expect(JSON.stringify(run('docker ps |'))).toContain(
      'bash: syntax error: unexpected end of file',
    );
  });
});
