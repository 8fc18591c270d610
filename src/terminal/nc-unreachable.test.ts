// netcat-openbsd against an address of a connected subnet that nobody answers ARP for: "No route to
// host" once the kernel gives up on the neighbour (3 s), a timeout when -w ends the connect first.
// Expected texts: src/terminal/__fixtures__/nc-unreachable.txt, recorded in a network namespace by
// scripts/clients/record-nc-unreachable.sh (10.9.0.99 and .98 there; 172.17.0.99 on docker0 here).
import { describe, expect, it } from 'vitest';
import recorded from './__fixtures__/nc-unreachable.txt?raw';
import { referenceHost } from './testing/reference-host';
import { terminalOn } from './testing/terminal';

/** The recording's command lines with what each printed and its exit status. */
function cases(): { line: string; text: string }[] {
  return recorded
    .split(/^\$ /m)
    .filter(Boolean)
    .map((block) => {
      const [line = '', ...rest] = block.split('\n');
      return { line, text: rest.join('\n') };
    });
}

describe('nc to a neighbour that never answers', () => {
  it('prints what netcat-openbsd printed, with the exit status', () => {
    const all = cases();
    expect(all).toHaveLength(2);
    for (const { line, text } of all) {
      const term = terminalOn(referenceHost());
      const r = term.run(line.replace(/10\.9\.0\.9(\d)/, '172.17.0.9$1'));
      expect(`${r.out}${r.err}exit ${r.exit}\n`).toBe(
        text.replace(/10\.9\.0\.9(\d)/, '172.17.0.9$1'),
      );
    }
  });
});
