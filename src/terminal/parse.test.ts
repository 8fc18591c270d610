import { describe, expect, it } from 'vitest';
import { complete } from './complete';
import { historyAt } from './history';
import { parseFlags } from './flags';
import { splitWords } from './parse';
import { expandStatus } from './shell';
import { RUN_FLAGS } from './docker/run';
import { referenceHost } from './testing/reference-host';
import { terminalOn } from './testing/terminal';

describe('word splitting', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['docker ps -a', ['docker', 'ps', '-a']],
    [`echo "a b" 'c d' e\\ f`, ['echo', 'a b', 'c d', 'e f']],
    [`echo "say \\"hi\\"" 'it''s'`, ['echo', 'say "hi"', 'its']],
    ['echo "" x', ['echo', '', 'x']],
    ['echo a # comment', ['echo', 'a']],
    ['echo héllo 🐳 "日本"', ['echo', 'héllo', '🐳', '日本']],
  ])('splits %j', (line, words) => {
    expect(splitWords(line)).toEqual({ ok: true, words });
  });
  it('reports an unterminated quote', () => {
    expect(splitWords(`echo 'oops`)).toEqual({ ok: false, quote: "'" });
    expect(terminalOn(referenceHost()).run('echo "oops').err).toBe(
      'bash: unexpected EOF while looking for matching `"\'\n',
    );
  });
});

describe('docker flags as pflag parses them', () => {
  it('combines short flags and stops at the image', () => {
    const r = parseFlags(
      ['-itd', '-p80:5000', '--name=web', 'training/webapp', 'python', '-u', 'app.py'],
      RUN_FLAGS,
      {
        interspersed: false,
      },
    );
    expect(r.ok && r.value.args).toEqual(['training/webapp', 'python', '-u', 'app.py']);
    expect(r.ok && [...r.value.values.entries()]).toEqual([
      ['interactive', ['true']],
      ['tty', ['true']],
      ['detach', ['true']],
      ['publish', ['80:5000']],
      ['name', ['web']],
    ]);
  });
  it.each([
    [['--foo'], 'unknown flag: --foo'],
    [['-z'], "unknown shorthand flag: 'z' in -z"],
    [['--name'], 'flag needs an argument: --name'],
    [['-p'], "flag needs an argument: 'p' in -p"],
  ])('rejects %j', (args, error) => {
    expect(parseFlags(args, RUN_FLAGS)).toEqual({ ok: false, error });
  });
});

describe('bad input at the prompt', () => {
  const t = () => terminalOn(referenceHost());
  it('an empty line prints nothing and does not enter the history', () => {
    const term = t();
    expect(term.run('').tty).toBe('');
    expect(term.store.getState().history).toEqual([]);
  });
  it('an unknown command on the host is bash’s, in a container busybox’s', () => {
    const term = t();
    expect(term.run('foo').err).toBe('bash: foo: command not found\n');
    term.run('docker exec -it c1 sh');
    expect(term.run('foo').err).toBe('sh: foo: not found\n');
  });
  it('a huge port number is docker’s invalid hostPort', () => {
    expect(t().run('docker run -d -p 70000:80 nginx').err).toBe(
      "docker: invalid hostPort: 70000.\nSee 'docker run --help'.\n",
    );
  });
  it('a huge ping count is capped, a non-number refused', () => {
    expect(t().run('ping -c abc 172.17.0.2').err).toBe("ping: invalid argument: 'abc'\n");
  });
  it('missing arguments print cobra’s usage error', () => {
    expect(t().run('docker run').err).toBe(
      "docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker run --help' for more information\n",
    );
  });
});

describe('completion and history', () => {
  const state = { world: referenceHost(), location: { kind: 'host' } as const };
  it('completes commands, subcommands, flags and names', () => {
    expect(complete(state, 'dock', 4).line).toBe('docker ');
    expect(complete(state, 'docker netw', 11).line).toBe('docker network ');
    expect(complete(state, 'docker run --netw', 17).line).toBe('docker run --network ');
    expect(complete(state, 'docker exec -it c', 17).candidates).toEqual(['c1', 'c2']);
    expect(complete(state, 'docker network connect br', 25).line).toBe(
      'docker network connect bridge ',
    );
  });
  it('walks the history newest first', () => {
    expect(historyAt(['a', 'b'], 0)).toBe('b');
    expect(historyAt(['a', 'b'], 1)).toBe('a');
    expect(historyAt(['a', 'b'], 2)).toBeNull();
  });
});

describe('$? (expandStatus)', () => {
  it('expands outside single quotes only, as bash does', () => {
    expect(expandStatus('echo $?', 1)).toBe('echo 1');
    expect(expandStatus(`echo "$?" '$?' \\$?`, 255)).toBe(`echo "255" '$?' \\$?`);
    expect(expandStatus(`echo "it's $?"`, 2)).toBe(`echo "it's 2"`);
  });
});
