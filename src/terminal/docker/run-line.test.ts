// The run form's echo: the line it prints, typed into a fresh lab, makes the same container and
// the same transcript as the form's own action followed by the echo.
import { describe, expect, it } from 'vitest';
import { parsePortSpecs } from '../../sim';
import { createAppStore, renderTranscript } from '../../store';
import { splitWords } from '../parse';
import { detachedRunOutput, dockerRunLine, shellWord, type RunLine } from './run-line';

/** What the form does on submit: the store action, then the echo. */
function viaForm(setup: readonly string[], asked: RunLine) {
  const s = createAppStore();
  for (const l of setup) s.getState().runCommand(l);
  const ports = parsePortSpecs(asked.publish ?? []);
  if (!ports.ok) throw new Error(ports.error);
  const { publish: _p, ...opts } = asked;
  const r = s.getState().runContainer({ ...opts, ports: ports.value });
  if (!r.ok) throw new Error(r.error.message);
  s.getState().echoCommand(dockerRunLine(asked), {
    chunks: detachedRunOutput(r.value, r.warnings),
    exit: 0,
  });
  return s.getState();
}

function typed(setup: readonly string[], line: string) {
  const s = createAppStore();
  for (const l of setup) s.getState().runCommand(l);
  s.getState().runCommand(line);
  return s.getState();
}

const FORM = { detach: true, interactive: true, tty: true } as const;
const CASES: readonly { setup: readonly string[]; asked: RunLine; line: string }[] = [
  {
    setup: [],
    asked: { ...FORM, image: 'nginx', name: 'web', network: 'bridge', publish: ['8080:80'] },
    line: 'docker run -dit --name web -p 8080:80 nginx',
  },
  {
    // No name: the daemon picks the same one from the same world.
    setup: ['docker run -d nginx'],
    asked: { ...FORM, image: 'busybox', network: 'bridge' },
    line: 'docker run -dit busybox',
  },
  {
    setup: ['docker network create mynet'],
    asked: {
      ...FORM,
      image: 'redis',
      name: 'cache.1',
      network: 'mynet',
      publish: ['127.0.0.1::6379', '9000-9001:80-81/udp'],
    },
    line: 'docker run -dit --name cache.1 --network mynet -p 127.0.0.1::6379 -p 9000-9001:80-81/udp redis',
  },
  {
    // Host mode: Docker's warning goes to stderr before the id, in both.
    setup: [],
    asked: { ...FORM, image: 'nginx', name: 'h', network: 'host', publish: ['80:80'] },
    line: 'docker run -dit --name h --network host -p 80:80 nginx',
  },
];

describe('the run form echo', () => {
  for (const c of CASES) {
    it(`echoes ${c.line}`, () => {
      expect(dockerRunLine(c.asked)).toBe(c.line);
      const form = viaForm(c.setup, c.asked);
      const shell = typed(c.setup, c.line);
      expect(JSON.stringify(form.world)).toBe(JSON.stringify(shell.world));
      expect(renderTranscript(form.transcript)).toBe(renderTranscript(shell.transcript));
      expect(form.history).toEqual(shell.history);
    });
  }

  it('quotes a word the shell would split or interpret', () => {
    for (const w of ["it's", 'a b', '$(id)', 'x;y', '*']) {
      const back = splitWords(`echo ${shellWord(w)}`);
      expect(back.ok && back.words).toEqual(['echo', w]);
    }
  });

  it('does not echo into a container’s shell, where the line would not run', () => {
    const s = createAppStore();
    s.getState().runCommand('docker run -dit --name c1 busybox');
    s.getState().runCommand('docker exec -it c1 sh');
    const before = s.getState().transcript;
    s.getState().echoCommand('docker run -dit nginx', { chunks: [], exit: 0 });
    expect(s.getState().transcript).toBe(before);
  });
});
