// Lesson 4: container → outside: default route, host routing with ip_forward, MASQUERADE, reply de-NATed by conntrack.
import type { Lesson } from '../types';
import { C1_C2, SERVER_IP, fromContainer, t } from './common';

const FIRST_NAT = { match: { event: 'nat' } } as const;
const REPLY = { direction: 'reply' } as const;
const BRIDGE_EVENTS = ['bridge-forward', 'bridge-flood', 'bridge-local'] as const;

export const LESSON_OUTBOUND: Lesson = {
  id: 'outbound',
  kind: 'lesson',
  title: t('Container → outside: routing and MASQUERADE', '容器 → 外部：路由与 MASQUERADE'),
  summary: t(
    'c1 fetches a page from 198.51.100.7: the host routes it, rewrites the source, and conntrack brings the reply home.',
    'c1 从 198.51.100.7 取网页：宿主机负责路由、改写源地址，再由连接跟踪把应答送回来。',
  ),
  steps: [
    {
      id: 'route',
      title: t("c1's default route", 'c1 的默认路由'),
      body: t(
        "Inside c1 the routing table has two lines: 172.17.0.0/16 directly on eth0, and a default route via 172.17.0.1, docker0's address. Anything not on the bridge's subnet is sent to the host. Whether the host then passes it on is decided by net.ipv4.ip_forward: one host-wide switch (a sysctl), not a property of docker0. dockerd turns it on when it starts.",
        'c1 内部的路由表只有两行：172.17.0.0/16 直接走 eth0，以及经 172.17.0.1（docker0 的地址）的默认路由。不在网桥子网内的目的地都交给宿主机。宿主机接着是否转发，由 net.ipv4.ip_forward 决定：这是一个全局开关（sysctl），并不是 docker0 的属性。dockerd 启动时会把它打开。',
      ),
      setup: C1_C2,
      explore: ['docker exec c1 ip route', 'sysctl net.ipv4.ip_forward', 'ip route'],
      focus: 'container:c1',
      predictions: [
        {
          id: 'c1-gw',
          ask: { kind: 'gateway', container: 'c1' },
          right: t('Right: {answer}.', '答对了：{answer}。'),
          wrong: t(
            "{answer}: docker0's address is every container's gateway on this network.",
            '答案是 {answer}：docker0 的地址就是这个网络上所有容器的网关。',
          ),
        },
      ],
    },
    {
      id: 'forward',
      title: t('docker0 hands it up; the host routes it', 'docker0 把包上交，由宿主机路由'),
      body: t(
        "c1 sends its SYN to docker0's MAC (it ARPed for the gateway), so the bridge does not switch it to another port: it passes it up to the host's IP stack. The host sees a packet for 198.51.100.7 that is not its own, and because ip_forward is 1 it routes it: out of eth0 towards the router, TTL one less. The filter FORWARD chain has the last word, and Docker accepts anything leaving docker0 for another interface.",
        'c1 把 SYN 发往 docker0 的 MAC（它先对网关做过 ARP），所以网桥不会把它交换到别的端口，而是上交给宿主机的 IP 协议栈。宿主机发现这个发往 198.51.100.7 的包不是给自己的；因为 ip_forward 为 1，它就转发这个包：从 eth0 发往路由器，TTL 减一。最后由 filter 表的 FORWARD 链拍板，Docker 放行所有从 docker0 去往其他接口的流量。',
      ),
      setup: [],
      flow: fromContainer('c1', SERVER_IP, 'http', 80),
      focus: 'host:routing',
      predictions: [
        {
          id: 'bridge-up',
          ask: { kind: 'bridge-action', hop: { match: { event: [...BRIDGE_EVENTS], ip: true } } },
          question: t(
            "c1's SYN reaches docker0, addressed to docker0's MAC. What does the bridge do?",
            'c1 的 SYN 到达 docker0，目的 MAC 是 docker0 自己的。网桥会怎么做？',
          ),
          right: t(
            'Right: {answer}. The host, not the bridge, routes.',
            '答对了：{answer}。做路由的是宿主机，而不是网桥。',
          ),
          wrong: t(
            '{answer}: a bridge never routes; a frame for its own MAC goes up to the host.',
            '答案是：{answer}。网桥从不路由；发给它自己 MAC 的帧会上交给宿主机。',
          ),
        },
        {
          id: 'out-iface',
          ask: { kind: 'next-iface', hop: { match: { event: 'tx', node: 'host', ip: true } } },
          right: t(
            "Right: {answer}, by the host's default route.",
            '答对了：{answer}，走的是宿主机的默认路由。',
          ),
          wrong: t(
            "{answer}: the host's default route points to the router through eth0.",
            '答案是 {answer}：宿主机的默认路由经 eth0 指向路由器。',
          ),
        },
        {
          id: 'forward-chain',
          ask: {
            kind: 'deciding-chain',
            hop: { match: { event: 'netfilter', chain: 'filter/', target: 'ACCEPT' } },
          },
          right: t('Right: {answer}.', '答对了：{answer}。'),
          wrong: t(
            "{answer}: forwarded packets meet the filter FORWARD hook, and Docker's rule accepts them.",
            '答案是 {answer}：被转发的包要经过 filter 表的 FORWARD 钩子，由 Docker 的规则放行。',
          ),
        },
      ],
    },
    {
      id: 'masquerade',
      title: t('MASQUERADE, and the way back', 'MASQUERADE，以及回程'),
      body: t(
        "Leaving through eth0, the packet meets nat POSTROUTING. Docker's rule `-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE` replaces the private source with eth0's address, 192.0.2.10; conntrack records it. The server answers 192.0.2.10. On the host, conntrack matches the reply tuple and restores the destination 172.17.0.2 before routing: no DNAT rule is involved, and the published port has nothing to do with it. FORWARD's RELATED,ESTABLISHED rule lets the reply into docker0.",
        '从 eth0 出去时，数据包经过 nat 表的 POSTROUTING。Docker 的规则 `-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE` 把私有源地址换成 eth0 的地址 192.0.2.10，conntrack 记下这次转换。服务器回复 192.0.2.10。在宿主机上，conntrack 匹配到应答方向元组，在路由之前把目的地址恢复成 172.17.0.2：这里没有任何 DNAT 规则参与，也与发布的端口无关。FORWARD 中的 RELATED,ESTABLISHED 规则让应答进入 docker0。',
      ),
      setup: [],
      explore: ['iptables -t nat -S POSTROUTING', 'conntrack -L'],
      flow: fromContainer('c1', SERVER_IP, 'http', 80),
      focus: 'nat:POSTROUTING',
      predictions: [
        {
          id: 'masq-src',
          ask: { kind: 'src-after', hop: FIRST_NAT },
          right: t("Right: {answer}, eth0's address.", '答对了：{answer}，也就是 eth0 的地址。'),
          wrong: t(
            '{answer}: MASQUERADE takes the address of the interface the packet leaves through, eth0, not docker0.',
            '答案是 {answer}：MASQUERADE 取的是出接口 eth0 的地址，而不是 docker0 的。',
          ),
        },
        {
          id: 'reply-by',
          ask: { kind: 'nat-by', hop: { packet: REPLY, match: { event: 'nat' } } },
          right: t('Right: {answer}.', '答对了：{answer}。'),
          wrong: t(
            '{answer}: no DNAT rule exists for replies; the conntrack entry remembers the original source.',
            '答案是：{answer}。应答没有对应的 DNAT 规则，是 conntrack 条目记住了原来的源地址。',
          ),
        },
        {
          id: 'reply-dst',
          ask: { kind: 'dst-after', hop: { packet: REPLY, match: { event: 'nat' } } },
          right: t(
            "Right: {answer}: c1's address and the port its client socket used.",
            '答对了：{answer}，即 c1 的地址和它客户端套接字的端口。',
          ),
          wrong: t(
            "{answer}: the reply goes back to c1's own address and port.",
            '答案是 {answer}：应答回到 c1 自己的地址和端口。',
          ),
        },
      ],
    },
  ],
  checks: [
    {
      step: 2,
      prediction: {
        id: 'reply-chain',
        ask: {
          kind: 'deciding-chain',
          hop: { packet: REPLY, match: { event: 'netfilter', chain: 'filter/', target: 'ACCEPT' } },
        },
        question: t(
          'Which chain accepts the reply on its way into docker0?',
          '应答进入 docker0 时，由哪条链放行？',
        ),
        right: t('Right: {answer}.', '答对了：{answer}。'),
        wrong: t(
          '{answer}: the conntrack state match (RELATED,ESTABLISHED) accepts it.',
          '答案是 {answer}：靠 conntrack 状态匹配（RELATED,ESTABLISHED）放行。',
        ),
      },
    },
    {
      step: 2,
      prediction: {
        id: 'reply-state',
        ask: { kind: 'ct-state', hop: { packet: REPLY, match: { event: 'conntrack' } } },
        right: t('Right: {answer}.', '答对了：{answer}。'),
        wrong: t(
          '{answer}: it is the reply of a known connection.',
          '答案是 {answer}：它是已知连接的应答。',
        ),
      },
    },
    {
      step: 0,
      prediction: {
        id: 'ip-forward-where',
        ask: {
          kind: 'fact',
          question: t('Where does the ip_forward switch live?', 'ip_forward 开关在哪里？'),
          choices: [
            {
              id: 'sysctl',
              label: t(
                'Host-wide: the sysctl net.ipv4.ip_forward',
                '全局：sysctl 参数 net.ipv4.ip_forward',
              ),
            },
            {
              id: 'docker0',
              label: t('On docker0, as a bridge option', '在 docker0 上，是网桥的一个选项'),
            },
            { id: 'container', label: t('In each container', '在每个容器里') },
          ],
          answer: 'sysctl',
        },
        right: t(
          'Right: one switch for the whole host namespace.',
          '答对了：整个宿主机网络命名空间只有这一个开关。',
        ),
        wrong: t(
          'It is the host-wide sysctl net.ipv4.ip_forward: the host routes between docker0 and eth0.',
          '是全局的 sysctl 参数 net.ipv4.ip_forward：在 docker0 和 eth0 之间做路由的是宿主机。',
        ),
      },
    },
  ],
};
