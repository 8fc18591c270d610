import { describe, expect, it } from 'vitest';
import { fixture } from '../testing/fixtures';
import { referenceHost } from '../testing/reference-host';
import { terminalOn } from '../testing/terminal';

/** A captured TIME_WAIT line of the reference host as a pattern: its port and seconds left vary. */
function capturedLine(match: string): RegExp {
  const line = fixture('host__conntrack-L.txt')
    .split('\n')
    .find((l) => l.includes(match));
  if (!line) throw new Error(`no captured line with ${match}`);
  const pattern = line
    .replace(/[.[\]]/g, '\\$&')
    .replace(/^(tcp +6) \d+/, '$1 (\\d+)')
    .replace(/sport=\d+ dport=80 /, 'sport=\\d+ dport=80 ')
    .replace(/dport=\d+ \\\[ASSURED/, 'dport=\\d+ \\[ASSURED');
  return new RegExp(`^${pattern}$`, 'm');
}

describe('conntrack -L after curl closes its connection', () => {
  const hostToC1 = capturedLine('TIME_WAIT src=172.17.0.1 dst=172.17.0.2');

  it('shows the entry in TIME_WAIT, 120 s minus the seconds since, as the reference host does', () => {
    const term = terminalOn(referenceHost());
    expect(term.run('curl -s http://172.17.0.2/').exit).toBe(0);
    // curl took a simulated second; conntrack -L runs in the next one.
    const seconds = hostToC1.exec(term.run('conntrack -L').out)?.[1];
    expect(seconds).toBe('119');
    term.store.getState().advanceClock(60);
    expect(hostToC1.exec(term.run('conntrack -L').out)?.[1]).toBe('58');
  });

  it('drops the entry once 120 s of simulated time have passed', () => {
    const term = terminalOn(referenceHost());
    term.run('curl -s http://172.17.0.2/');
    term.store.getState().advanceClock(118);
    expect(hostToC1.exec(term.run('conntrack -L').out)?.[1]).toBe('1');
    const after = term.run('conntrack -L');
    expect(after.out).toBe('');
    expect(after.err).toBe('conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.\n');
  });

  it('leaves nothing for a refused connection (the RST deletes it)', () => {
    const term = terminalOn(referenceHost());
    expect(term.run('curl http://172.17.0.2:81/').exit).toBe(7);
    expect(term.run('conntrack -L').out).toBe('');
  });
});
