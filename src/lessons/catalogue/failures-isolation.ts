// Failure labs, part 2: isolated user networks, icc=false, and Docker ≥28's raw-table guard.
import type { Lesson, Prediction, Text } from '../types';
import { C1_C2, addr, clientHttp, fromContainer, miss, t } from './common';

/** The chains learners blame, or trust, for a drop that happens elsewhere. */
const NOT_HERE = [
  miss(
    'filter/INPUT',
    'INPUT sees only packets for the host itself; this packet is for a container.',
    'INPUT 只处理发给宿主机自己的包；这个包是发给容器的。',
  ),
  miss(
    'nat/PREROUTING',
    'nat chains rewrite addresses; they never drop.',
    'nat 表的链只改写地址，从不丢弃。',
  ),
  miss(
    'filter/DOCKER-USER',
    'DOCKER-USER is where your own rules go; as Docker creates it, it is empty and returns.',
    'DOCKER-USER 是留给你自己写规则的地方；Docker 创建它时它是空的，直接返回。',
  ),
];

/** "Which chain drops it?", asked before the packet meets any netfilter hook. */
const dropChain = (id: string, question: Text): Prediction => ({
  id,
  ask: { kind: 'deciding-chain', hop: { match: { event: 'netfilter', target: 'DROP' } } },
  askBefore: { match: { event: 'netfilter' } },
  question,
  mistakes: NOT_HERE,
  right: t('Right: {answer}.', '答对了：{answer}。'),
  wrong: t(
    'The right answer: {answer}. Open that chain with `iptables -S` (or `-t raw -S`) to see the rule.',
    '正确答案是 {answer}。用 `iptables -S`（或 `-t raw -S`）查看那条链里的规则。',
  ),
});

export const LAB_ISOLATED: Lesson = {
  id: 'lab-isolated',
  kind: 'failure-lab',
  title: t('Two user-defined networks', '两个自定义网络'),
  summary: t(
    'front and back are separate bridges; the host could route between them, but Docker says no.',
    'front 和 back 是两个独立的网桥；宿主机本可以在它们之间路由，但 Docker 不允许。',
  ),
  steps: [
    {
      id: 'cross',
      title: t('db → web across two bridges', 'db → web：跨越两个网桥'),
      body: t(
        "web runs on the user-defined network front, db on back. db opens a TCP connection to web's address, 172.18.0.2, port 80. The host has a route to both bridges and ip_forward is on.",
        'web 运行在自定义网络 front 上，db 在 back 上。db 向 web 的地址 172.18.0.2 的 80 端口发起 TCP 连接。宿主机有到两个网桥的路由，ip_forward 也开着。',
      ),
      explain: t(
        "Each user-defined network is its own bridge (br-…) and subnet. db's packet for 172.18.0.2 goes to its gateway, the host, which has a route to the other bridge and ip_forward on: Linux alone would deliver it. Docker adds rules so it does not: the DOCKER-ISOLATION chains in filter FORWARD on older releases, a raw PREROUTING rule guarding each container address on newer ones.",
        '每个自定义网络都有自己的网桥（br-…）和子网。db 发往 172.18.0.2 的包先交给网关，也就是宿主机；宿主机有到另一个网桥的路由，ip_forward 也开着：单凭 Linux 本身，这个包是能送到的。是 Docker 加的规则阻止了它：旧版本用 filter 表 FORWARD 中的 DOCKER-ISOLATION 链，新版本用 raw 表 PREROUTING 中保护每个容器地址的规则。',
      ),
      setup: [
        { op: { op: 'network-create', opts: { name: 'front' } } },
        { op: { op: 'network-create', opts: { name: 'back' } } },
        {
          op: { op: 'run', opts: { image: 'nginx', name: 'web', network: 'front', detach: true } },
        },
        {
          op: {
            op: 'run',
            opts: {
              image: 'busybox',
              name: 'db',
              network: 'back',
              detach: true,
              tty: true,
              interactive: true,
            },
          },
        },
      ],
      explore: ['docker network ls', 'iptables -S', 'iptables -t raw -S'],
      flow: fromContainer('db', addr('172.18.0.2'), 'tcp', 80),
      focus: 'container:db',
      predictions: [
        dropChain(
          'isolation-chain',
          t("Which chain drops db's SYN to web?", 'db 发给 web 的 SYN 被哪条链丢弃？'),
        ),
      ],
    },
  ],
  checks: [],
};

export const LAB_ICC: Lesson = {
  id: 'lab-icc',
  kind: 'failure-lab',
  title: t('Neighbours that may not talk (icc=false)', '同一网桥上的邻居不许通信（icc=false）'),
  summary: t('Inter-container communication off on docker0.', '关闭 docker0 上容器间的通信。'),
  steps: [
    {
      id: 'icc-off',
      title: t('c2 → c1 with icc=false', 'icc=false 时 c2 → c1'),
      body: t(
        'dockerd runs with icc=false. c1 and c2 are on docker0, the same bridge and subnet, and c2 opens a TCP connection to c1, 172.17.0.2, port 80.',
        'dockerd 以 icc=false 运行。c1 和 c2 都在 docker0 上，同一网桥、同一子网；c2 向 c1（172.17.0.2）的 80 端口发起 TCP 连接。',
      ),
      explain: t(
        "Same bridge, same subnet: this frame is switched, not routed, so how can iptables stop it? With icc=false dockerd loads br_netfilter, and bridge-nf-call-iptables=1 sends bridged IPv4 frames through the FORWARD hook too, with docker0 as both the in and the out interface. Docker's rule `-i docker0 -o docker0 -j DROP` catches exactly those.",
        '同一网桥、同一子网：这个帧是被交换而不是被路由的，iptables 怎么拦得住？icc=false 时 dockerd 会加载 br_netfilter，bridge-nf-call-iptables=1 让桥接的 IPv4 帧也经过 FORWARD 钩子，入接口和出接口都是 docker0。Docker 的规则 `-i docker0 -o docker0 -j DROP` 正好拦下它们。',
      ),
      setup: [{ op: { op: 'daemon', patch: { icc: false } } }, ...C1_C2],
      explore: ['sysctl net.bridge.bridge-nf-call-iptables', 'iptables -S FORWARD'],
      flow: fromContainer('c2', addr('172.17.0.2'), 'tcp', 80),
      focus: 'docker0',
      predictions: [
        dropChain(
          'icc-chain',
          t(
            "Which chain drops c2's SYN to c1, although docker0 only switches it?",
            'docker0 只是交换 c2 发给 c1 的 SYN，那么是哪条链丢弃了它？',
          ),
        ),
      ],
    },
  ],
  checks: [],
};

export const LAB_DIRECT: Lesson = {
  id: 'lab-direct',
  kind: 'failure-lab',
  title: t("Straight to the container's IP", '直接访问容器 IP'),
  summary: t(
    'The router learns a route to 172.17.0.0/16; Docker ≥28 still drops the packet.',
    '路由器学到了去 172.17.0.0/16 的路由；Docker 28 及以后的版本仍然会丢弃这个包。',
  ),
  profiles: ['docker-29'],
  steps: [
    {
      id: 'direct',
      title: t(
        'client → 172.17.0.2:80, no port published for it',
        'client → 172.17.0.2:80，没有为它发布端口',
      ),
      body: t(
        'A teacher adds a static route on the router: 172.17.0.0/16 via the Docker host. The client then connects to c1 directly, 172.17.0.2:80, a port c1 does not publish. This host runs Docker 28 or later.',
        '老师在路由器上加了一条静态路由：172.17.0.0/16 经由 Docker 宿主机。随后客户端直接连接 c1 的 172.17.0.2:80，这个端口 c1 并没有发布。这台宿主机运行的是 Docker 28 或更高版本。',
      ),
      explain: t(
        'A teacher adds a static route on the router: 172.17.0.0/16 via the Docker host. Now the client can address c1 directly, and the host would happily forward. Older Docker let such packets in. Since 28.0 dockerd adds, for each container address, a raw-table PREROUTING rule that drops packets for it arriving on any interface but its own bridge: before conntrack, NAT or routing see them.',
        '老师在路由器上加了一条静态路由：172.17.0.0/16 经由 Docker 宿主机。现在客户端可以直接访问 c1 的地址，宿主机也乐意转发。旧版 Docker 会放这样的包进来。从 28.0 起，dockerd 为每个容器地址在 raw 表 PREROUTING 中加一条规则：凡是不从它自己网桥进来、却发往它的包，一律丢弃——发生在 conntrack、NAT 和路由看到它们之前。',
      ),
      setup: [...C1_C2, { op: { op: 'router-route', dst: '172.17.0.0/16', via: '192.0.2.10' } }],
      explore: ['iptables -t raw -S'],
      flow: clientHttp(80, addr('172.17.0.2')),
      focus: 'container:c1',
      predictions: [
        dropChain(
          'raw-chain',
          t(
            "Which chain drops the client's SYN to 172.17.0.2:80?",
            '客户端发往 172.17.0.2:80 的 SYN 被哪条链丢弃？',
          ),
        ),
      ],
    },
  ],
  checks: [],
};
