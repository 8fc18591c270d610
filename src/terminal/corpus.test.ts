// The lab against the real tools: every case of src/__fixtures__/terminal-corpus.json (recorded by
// scripts/record-terminal.sh on the reference host rebuilt in network namespaces) must print what
// the real tool printed, on the same streams, with the same exit status, once counters, timers
// and random ids are normalised (testing/corpus.ts). Cases the lab does not match yet are listed in
// corpus-known.ts with the reason: they run as it.fails, so fixing one turns its test red.
import { describe, expect, it } from 'vitest';
import recorded from '../__fixtures__/terminal-corpus.json';
import { normalise, runInLab, type Recorded } from './testing/corpus';
import { knownMismatch } from './corpus-known';

const cases = recorded.cases as readonly Recorded[];

describe('the recorded corpus', () => {
  it('has at least 300 cases, each a line and a place', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
  });
  for (const c of cases) {
    const reason = knownMismatch(c);
    const test = reason ? it.fails : it;
    test(`${c.where}: ${c.line}${reason ? ` (known: ${reason})` : ''}`, () => {
      expect(normalise(c, runInLab(c))).toEqual(normalise(c, c));
    });
  }
});
