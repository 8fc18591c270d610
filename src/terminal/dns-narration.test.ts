// The narration names the parts of a lookup as a learner knows them (issue 14, leftovers): the
// socket behind 127.0.0.11 is Docker's embedded DNS server, answered by dockerd (moby resolver.go:
// dockerd's listener in the container's namespace); what it does not know it forwards from a socket
// of its own in that namespace (dialExtDNS) to the host's resolver, 8.8.8.8 here; on the default
// bridge the container asks that resolver itself. Before, the hops said "dockerd is listening on
// port 37483", "dns is listening on port 53" and "A socket in c1" for dockerd's forwarded query.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../i18n';
import { narrate } from '../i18n/narrate';
import type { Hop } from '../sim/trace';
import { referenceHost } from './testing/reference-host';
import { terminalOn } from './testing/terminal';

beforeAll(async () => {
  await loadCatalogue('zh-CN');
});

/** Every hop of the last flow, narrated in `lang`, with the packet's first hop's node. */
function lines(commands: readonly string[], lang: 'en' | 'zh-CN' = 'en'): string[] {
  const t = terminalOn(referenceHost());
  for (const c of commands) t.run(c);
  const say = (h: Hop) => narrate(h.why, lang, h.node);
  return t.store.getState().packets.flatMap((p) => p.hops.map(say));
}

const USER_DEFINED = [
  'docker network create app',
  'docker run -d --name web --network app busybox sleep 3600',
  'docker run -d --name cli --network app busybox sleep 3600',
];

describe('the narration names the DNS servers of a lookup', () => {
  it("a container's name: Docker's embedded DNS server takes the query and answers it", () => {
    const said = lines([...USER_DEFINED, 'docker exec cli nslookup web']);
    const delivered = said.filter((l) => l.startsWith('Delivered to'));
    expect(delivered).toHaveLength(4); // the A and the AAAA query, their answers to nslookup's socket
    expect(delivered.slice(0, 2)).toEqual([
      "Delivered to Docker's embedded DNS server (127.0.0.11, answered by dockerd).",
      "Delivered to Docker's embedded DNS server (127.0.0.11, answered by dockerd).",
    ]);
    expect(said).toContain(
      "Docker's embedded DNS server (127.0.0.11, answered by dockerd) sends its answer.",
    );
    expect(said.some((l) => l.startsWith('dockerd is listening'))).toBe(false);
  });

  it('an unknown name: dockerd forwards it to the resolver at 8.8.8.8, which answers', () => {
    const said = lines([...USER_DEFINED, 'docker exec cli nslookup example.com']);
    expect(said).toContain('dockerd forwards the query to the resolver at 8.8.8.8, from cli.');
    expect(said).toContain('Delivered to the resolver at 8.8.8.8.');
    expect(said).toContain('The resolver at 8.8.8.8 answers.');
    expect(said).toContain('Delivered to dockerd, which answers the client from 127.0.0.11.');
    expect(said.some((l) => l.startsWith('dns is listening'))).toBe(false);
    // nslookup's own socket is still the client's.
    expect(said.filter((l) => l.startsWith('A socket in cli'))).toHaveLength(2);
  });

  it('on the default bridge the container asks the resolver itself', () => {
    const said = lines([
      'docker run -d --name solo busybox sleep 3600',
      'docker exec solo nslookup example.com',
    ]);
    expect(said).toContain('Delivered to the resolver at 8.8.8.8.');
    expect(said.some((l) => l.includes('dockerd'))).toBe(false);
  });

  it('in Simplified Chinese too', () => {
    const said = lines([...USER_DEFINED, 'docker exec cli nslookup example.com'], 'zh-CN');
    expect(said).toContain('交付给 Docker 内置 DNS 服务器（127.0.0.11，由 dockerd 应答）。');
    expect(said).toContain('Docker 内置 DNS 服务器（127.0.0.11，由 dockerd 应答）发出应答。');
    expect(said).toContain('交付给 8.8.8.8 的解析器。');
    expect(said).toContain('dockerd 从 cli 把查询转发给 8.8.8.8 的解析器。');
    expect(said).toContain('交付给 dockerd，它再从 127.0.0.11 应答客户端。');
  });
});
