import { describe, expect, it } from 'vitest';
import { nodeId, parseNodeId } from './node';

describe('node ids', () => {
  it('parse back to what built them, names with colons included', () => {
    expect(parseNodeId(nodeId.container('web'))).toEqual({ kind: 'container', name: 'web' });
    expect(parseNodeId(nodeId.remote('a:b'))).toEqual({ kind: 'remote', name: 'a:b' });
    expect(parseNodeId(nodeId.host)).toEqual({ kind: 'host' });
    expect(parseNodeId('router')).toEqual({ kind: 'router' });
  });

  it('reject what is not one', () => {
    for (const s of ['', 'container:', 'hosts', 'docker0', 'remote', 'veth:c1'])
      expect(parseNodeId(s)).toBeNull();
  });
});
