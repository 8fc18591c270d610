// ping's -c beyond what the lab sends: real iputils would send them all, one a second; the lab sends
// MAX_PING_COUNT and says so on stderr instead of capping silently.
import { describe, expect, it } from 'vitest';
import { referenceHost } from './testing/reference-host';
import { terminalOn } from './testing/terminal';
import { MAX_PING_COUNT } from './tools/ping';

describe('ping -c over the lab’s limit', () => {
  it('says it sends 100, then sends exactly 100', () => {
    const r = terminalOn(referenceHost()).run('ping -c 100000 127.0.0.1');
    expect(MAX_PING_COUNT).toBe(100);
    expect(r.err).toBe('ping: the lab sends at most 100 echo requests: -c 100000 runs as -c 100\n');
    expect(r.out).toContain('100 packets transmitted, 100 received, 0% packet loss');
    expect(r.exit).toBe(0);
  });
  it('says nothing at the limit or under it', () => {
    expect(terminalOn(referenceHost()).run('ping -c 100 127.0.0.1').err).toBe('');
    expect(terminalOn(referenceHost()).run('docker exec c1 ping -c 3 172.17.0.1').err).toBe('');
  });
});
