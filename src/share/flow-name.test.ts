// A flow by name (a challenge goal, `ping c2`) survives a save and reopen of the lab.
import { describe, expect, it } from 'vitest';
import { createWorld, type Flow, type IPv4 } from '../sim';
import { FORMAT, parseLab, VERSION } from './document';

describe('a flow by name in a shared lab', () => {
  const flow: Flow = {
    from: { kind: 'container', name: 'c1' },
    to: '0.0.0.0' as IPv4,
    name: 'c2',
    kind: 'ping',
    count: 1,
  };
  const doc = (f: unknown) =>
    parseLab(
      JSON.parse(
        JSON.stringify({ format: FORMAT, version: VERSION, world: createWorld(), flow: f }),
      ),
    );

  it('is kept', () => {
    const r = doc(flow);
    expect(r.ok && r.value.flow).toEqual(flow);
  });

  it('a name no container could have is refused', () => {
    expect(doc({ ...flow, name: 'c 2' }).ok).toBe(false);
  });
});
