// Challenge 6: the router routes 172.17.0.0/16 to the host, and Docker 28+ drops what it sends there.
import type { PortRequest } from '../../../sim';
import { addr, clientHttp, HOST_IP, t } from '../../catalogue/common';
import type { Challenge } from '../types';

const web = (ports: readonly PortRequest[]) =>
  ({ op: 'run', opts: { image: 'nginx', name: 'web', detach: true, ports } }) as const;
const on = (hostIp: string | null): PortRequest => ({
  hostIp: hostIp === null ? null : addr(hostIp),
  hostPort: 8080,
  containerPort: 80,
  proto: 'tcp',
});

export const CHALLENGE_DIRECT_ACCESS: Challenge = {
  id: 'challenge-direct-access',
  title: t('After upgrading to Docker 28+', '升级到 Docker 28+ 之后'),
  goal: t(
    'The router sends 172.17.0.0/16 to this host, and under Docker 27 the client opened http://172.17.0.2/ (the `web` container, published on 127.0.0.1:8080 only) directly. Since the upgrade it times out. Make `curl http://192.0.2.10:8080/` from the client succeed.',
    '路由器把 172.17.0.0/16 路由到这台宿主机。在 Docker 27 下，客户端直接打开 http://172.17.0.2/（`web` 容器，只在 127.0.0.1:8080 上发布）。升级之后这个请求超时了。让客户端的 `curl http://192.0.2.10:8080/` 成功。',
  ),
  profiles: ['docker-29'],
  broken: [web([on('127.0.0.1')]), { op: 'router-route', dst: '172.17.0.0/16', via: '192.0.2.10' }],
  goals: [{ flow: clientHttp(8080, HOST_IP), want: 'succeeds' }],
  hints: [
    t(
      'Try both ways from the client: `lab from client curl --max-time 2 http://172.17.0.2/` and `lab from client curl http://192.0.2.10:8080/`. They fail differently: why?',
      '从客户端两种方式都试试：`lab from client curl --max-time 2 http://172.17.0.2/` 和 `lab from client curl http://192.0.2.10:8080/`。两者失败的方式不同：为什么？',
    ),
    t(
      'Read the raw table with `iptables -t raw -S`: it is consulted before any NAT. Then look at the PORTS column of `docker ps`.',
      '用 `iptables -t raw -S` 看 raw 表：它在任何 NAT 之前被查询。然后看 `docker ps` 的 PORTS 列。',
    ),
    t(
      'The raw rule drops anything addressed to 172.17.0.2 that did not come in on docker0, so direct access is gone. The supported way is a published port the client can reach, and 127.0.0.1 is not one.',
      'raw 表的规则丢弃所有发往 172.17.0.2、却不是从 docker0 进来的包，所以直接访问不再可行。受支持的做法是发布一个客户端能到达的端口（端口映射），而 127.0.0.1 不是。',
    ),
    t(
      'Re-create the container publishing on every address: `docker rm -f web`, then `docker run -d --name web -p 8080:80 nginx`.',
      '重新创建容器，在所有地址上发布端口：`docker rm -f web`，然后 `docker run -d --name web -p 8080:80 nginx`。',
    ),
  ],
  fixes: [
    {
      commands: ['docker rm -f web', 'docker run -d --name web -p 8080:80 nginx'],
      steps: [{ op: 'rm', name: 'web', force: true }, web([on(null)])],
    },
    {
      commands: ['docker rm -f web', 'docker run -d --name web -p 192.0.2.10:8080:80 nginx'],
      steps: [{ op: 'rm', name: 'web', force: true }, web([on('192.0.2.10')])],
    },
  ],
  explain: t(
    "Up to Docker 27 the filter table's DOCKER chain accepted every packet for a published container port (`-d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp --dport 80 -j ACCEPT`), whatever host address the port was published on: any machine with a route to 172.17.0.0/16 through the host reached the container directly, even one published on 127.0.0.1 only. Docker 28 closed that with a rule in the raw table, which runs before conntrack and NAT: since 28.2 one per container, `-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP` (28.0 and 28.1 wrote one per published port), so a packet addressed to the container's own IP is dropped unless it arrived on the container's bridge. A published port still works because the client's packet is addressed to 192.0.2.10:8080 when it passes the raw table; nat PREROUTING rewrites it to 172.17.0.2:80 only afterwards. `-p 127.0.0.1:8080:80` publishes for the host's own processes only, so the client needs `-p 8080:80` (every address) or `-p 192.0.2.10:8080:80`. (For real routed access Docker 28 has network gateway modes such as `routed`; the lab does not model them.)",
    'Docker 27 及以前，filter 表的 DOCKER 链接受所有发往已发布容器端口的包（`-d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp --dport 80 -j ACCEPT`），不论端口发布在宿主机的哪个地址上：任何一台有经由宿主机到 172.17.0.0/16 的路由的机器，都能直接访问容器，即便它只发布在 127.0.0.1 上。Docker 28 用 raw 表里的一条规则堵上了这一点，raw 表在 conntrack 和 NAT 之前执行：从 28.2 起每个容器一条，`-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP`（28.0 和 28.1 是每个发布端口一条），所以直接发往容器自身 IP 的包，除非是从容器所在的网桥进来的，都会被丢弃。发布端口（端口映射）仍然有效，因为客户端的包经过 raw 表时目的地址是 192.0.2.10:8080，nat 表的 PREROUTING 之后才把它改写成 172.17.0.2:80。`-p 127.0.0.1:8080:80` 只对宿主机自己的进程发布，所以客户端需要 `-p 8080:80`（所有地址）或 `-p 192.0.2.10:8080:80`。（真要直接路由，Docker 28 提供了 `routed` 等网络网关模式；本实验没有模拟它们。）',
  ),
};
