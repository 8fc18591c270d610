// Challenge 7: the client address nginx logs is docker0's gateway while docker-proxy carries the
// hairpin connection; the real one once NAT does (a goal with `sees`, types.ts).
import { addr, publish, t } from '../../catalogue/common';
import type { Challenge } from '../types';

const hairpin = {
  from: { kind: 'container', name: 'c2' },
  to: addr('192.0.2.10'),
  kind: 'http',
  port: 8080,
} as const;

export const CHALLENGE_CLIENT_ADDRESS: Challenge = {
  id: 'challenge-client-address',
  title: t('Who is asking?', '是谁在访问？'),
  goal: t(
    "c2 fetches the web page through the host's published port, `http://192.0.2.10:8080/`, but the SYN that reaches web comes from 172.17.0.1, so that is the client address nginx logs for every request. Make web see c2's own address, 172.17.0.3.",
    'c2 通过宿主机发布的端口 `http://192.0.2.10:8080/` 获取网页，但到达 web 的 SYN 来自 172.17.0.1，所以 nginx 给每个请求记下的客户端地址都是它。让 web 看到 c2 自己的地址 172.17.0.3。',
  ),
  profiles: ['docker-29'],
  broken: [
    { op: 'run', opts: { image: 'nginx', name: 'web', detach: true, ports: [publish(8080, 80)] } },
    {
      op: 'run',
      opts: { image: 'busybox', name: 'c2', detach: true, tty: true, interactive: true },
    },
  ],
  goals: [{ flow: hairpin, want: 'succeeds', sees: { server: 'web', source: addr('172.17.0.3') } }],
  hints: [
    t(
      'Send it and follow the SYN: `docker exec c2 wget -O- http://192.0.2.10:8080/`. Which address does the packet that reaches web carry, and which device sent it?',
      '发一次请求，跟着 SYN 走：`docker exec c2 wget -O- http://192.0.2.10:8080/`。到达 web 的那个包带的是哪个源地址？是哪个设备发出的？',
    ),
    t(
      "Compare the connections in `conntrack -L` and the nat table in `iptables -t nat -S`: is any rule rewriting c2's packet, or is some process on the host opening a second connection?",
      '对比 `conntrack -L` 里的连接和 `iptables -t nat -S` 里的 nat 表：是某条规则在改写 c2 的包，还是宿主机上有个进程另开了一条连接？',
    ),
    t(
      'Packets from docker0 are not DNATed while the userland proxy is on: they reach docker-proxy, a process on the host, which connects to web from the bridge address 172.17.0.1.',
      '开着 userland proxy 时，从 docker0 进来的包不做 DNAT：它们交给宿主机上的进程 docker-proxy，由它从网桥地址 172.17.0.1 再连接 web。',
    ),
    t(
      'Turn the proxy off so that NAT carries hairpin traffic: `lab daemon userland-proxy=false` (on a real host `"userland-proxy": false` in /etc/docker/daemon.json and a restart of dockerd).',
      '关掉 proxy，让 NAT 来转发回环（hairpin）流量：`lab daemon userland-proxy=false`（真实主机上是在 /etc/docker/daemon.json 里写 `"userland-proxy": false` 再重启 dockerd）。',
    ),
  ],
  fixes: [
    {
      commands: ['lab daemon userland-proxy=false'],
      steps: [{ op: 'daemon', patch: { userlandProxy: false } }],
    },
  ],
  explain: t(
    "With the userland proxy on (Docker's default) a published port has a docker-proxy process listening on the host, and the DNAT rule skips packets that come in on docker0. So c2's connection to 192.0.2.10:8080 ends at docker-proxy, which opens a second connection to 172.17.0.2:80 from the host's address on that bridge, 172.17.0.1: that is all nginx can see. With `userland-proxy=false` Docker DNATs traffic from docker0 too, and since 27.4 loads br_netfilter so that web's reply, bridged straight back to c2, is de-NATed by conntrack: c2's own packet arrives with its source 172.17.0.3 intact. A client outside is always seen as itself (203.0.113.5): its packets are DNATed in PREROUTING before any proxy. The host's own requests to 127.0.0.1:8080 are seen as 172.17.0.1 either way: docker-proxy connects from there, and without it Docker MASQUERADEs locally sourced packets leaving on docker0.",
    '开着 userland proxy（Docker 的默认值）时，每个发布的端口在宿主机上都有一个 docker-proxy 进程在监听，而 DNAT 规则会跳过从 docker0 进来的包。所以 c2 到 192.0.2.10:8080 的连接终止于 docker-proxy，它再从宿主机在该网桥上的地址 172.17.0.1 向 172.17.0.2:80 发起第二条连接：nginx 能看到的只有这个地址。设置 `userland-proxy=false` 后，Docker 对来自 docker0 的流量也做 DNAT，并且从 27.4 起会加载 br_netfilter，使 web 直接经网桥回给 c2 的应答由 conntrack 反向 NAT：c2 自己的包到达时源地址 172.17.0.3 保持不变。外部客户端总是以自己的地址（203.0.113.5）出现：它的包在 PREROUTING 里就做了 DNAT，根本不经过 proxy。宿主机自己访问 127.0.0.1:8080 的请求无论如何都显示为 172.17.0.1：docker-proxy 从这个地址发起连接；没有它时，Docker 会对从 docker0 出去的本机源地址的包做 MASQUERADE。',
  ),
};
