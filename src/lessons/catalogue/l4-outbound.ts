// Lesson 4: container → outside: default route, host routing with ip_forward, MASQUERADE, reply de-NATed by conntrack.
import type { Lesson } from '../types';
import { C1_C2, SERVER_IP, fromContainer, miss, t } from './common';
import { BRIDGE_NEVER_ROUTES, GATEWAY, NAT_BY_CONNTRACK } from './mistakes';

const FIRST_NAT = { match: { event: 'nat' } } as const;
const REPLY = { direction: 'reply' } as const;
const BRIDGE_EVENTS = ['bridge-forward', 'bridge-flood', 'bridge-local'] as const;

const NOT_A_FORWARD_CHAIN = [
  miss(
    'filter/INPUT',
    'INPUT sees only packets for the host itself; this one is for another machine, so it is forwarded.',
    'INPUT 只处理发给宿主机自己的包；这个包发往别的机器，所以走转发。',
  ),
  miss(
    'filter/OUTPUT',
    'OUTPUT sees packets the host itself creates; c1 created this one, the host only passes it on.',
    'OUTPUT 处理宿主机自己产生的包；这个包是 c1 产生的，宿主机只是转交。',
  ),
  miss(
    'nat/POSTROUTING',
    'nat chains rewrite addresses (here, MASQUERADE); they neither accept nor drop. The filter table decides.',
    'nat 表的链只改写地址（这里是 MASQUERADE），不放行也不丢弃。作决定的是 filter 表。',
  ),
];

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
      title: t("c1's routing table", 'c1 的路由表'),
      body: t(
        'c1 and c2 run on the default bridge. c1 is about to fetch a page from 198.51.100.7, a server outside. First, where does c1 send a packet for an address that is not on its own subnet?',
        'c1 和 c2 运行在默认网桥上。c1 要从外面的服务器 198.51.100.7 取一个网页。先看看：目的地址不在自己子网里的包，c1 交给谁？',
      ),
      explain: t(
        "Inside c1 the routing table has two lines: 172.17.0.0/16 directly on eth0, and a default route via 172.17.0.1, docker0's address. Anything not on the bridge's subnet is sent to the host. Whether the host then passes it on is decided by net.ipv4.ip_forward: one host-wide switch (a sysctl), not a property of docker0. dockerd turns it on when it starts.",
        'c1 内部的路由表只有两行：172.17.0.0/16 直接走 eth0，以及经 172.17.0.1（docker0 的地址）的默认路由。不在网桥子网内的目的地都交给宿主机。宿主机接着是否转发，由 net.ipv4.ip_forward 决定：这是一个全局开关（sysctl），并不是 docker0 的属性。dockerd 启动时会把它打开。',
      ),
      setup: C1_C2,
      explore: [
        'docker run --rm --network container:c1 busybox ip route',
        'sysctl net.ipv4.ip_forward',
        'ip route',
      ],
      focus: 'container:c1',
      predictions: [
        {
          id: 'c1-gw',
          ask: { kind: 'gateway', container: 'c1' },
          mistakes: GATEWAY,
          right: t('Right: {answer}.', '答对了：{answer}。'),
          wrong: t(
            "The right answer: {answer}. docker0's address is every container's gateway on this network.",
            '正确答案是 {answer}：docker0 的地址就是这个网络上所有容器的网关。',
          ),
        },
      ],
    },
    {
      id: 'forward',
      title: t("c1's SYN goes out", 'c1 的 SYN 发出去了'),
      body: t(
        "c1 sends a SYN to 198.51.100.7:80. It ARPed for its gateway first, so the frame is addressed to docker0's own MAC.",
        'c1 向 198.51.100.7:80 发出 SYN。它先对网关做过 ARP，所以这个帧的目的 MAC 是 docker0 自己的。',
      ),
      explain: t(
        "Addressed to docker0's own MAC, the frame is not switched to another port: the bridge passes it up to the host's IP stack. The host sees a packet for 198.51.100.7 that is not its own, and because ip_forward is 1 it routes it: by its default route, out of eth0 towards the router, TTL one less. The filter table decides in FORWARD (not INPUT, which is for the host itself), and Docker accepts anything leaving docker0 for another interface.",
        '目的 MAC 是 docker0 自己的，所以帧不会被交换到别的端口：网桥把它上交给宿主机的 IP 协议栈。宿主机发现这个发往 198.51.100.7 的包不是给自己的；因为 ip_forward 为 1，它就转发这个包：按默认路由从 eth0 发往路由器，TTL 减一。由 filter 表在 FORWARD 中作决定（INPUT 只管发给宿主机自己的包），Docker 放行所有从 docker0 去往其他接口的流量。',
      ),
      setup: [],
      flow: fromContainer('c1', SERVER_IP, 'http', 80),
      focus: 'host:routing',
      predictions: [
        {
          id: 'bridge-up',
          ask: { kind: 'bridge-action', hop: { match: { event: [...BRIDGE_EVENTS], ip: true } } },
          askBefore: { match: { event: 'send' } },
          question: t(
            "c1's SYN reaches docker0, addressed to docker0's own MAC. What does the bridge do with it?",
            'c1 的 SYN 到达 docker0，目的 MAC 是 docker0 自己的。网桥会怎样处理它？',
          ),
          mistakes: [
            miss(
              'bridge-forward',
              "The destination MAC is the bridge's own, not a container's: there is no port to switch it to.",
              '目的 MAC 是网桥自己的，不是哪个容器的：没有可以交换过去的端口。',
            ),
            miss(
              'bridge-flood',
              'The bridge knows its own MAC; it floods only unknown or broadcast destinations.',
              '网桥认得自己的 MAC；它只对未知或广播的目的地址泛洪。',
            ),
            BRIDGE_NEVER_ROUTES,
          ],
          right: t(
            'Right: {answer}. The host, not the bridge, routes.',
            '答对了：{answer}。做路由的是宿主机，而不是网桥。',
          ),
          wrong: t(
            'The right answer: {answer}. A bridge never routes; a frame for its own MAC goes up to the host.',
            '正确答案是：{answer}。网桥从不路由；发给它自己 MAC 的帧会上交给宿主机。',
          ),
        },
        {
          id: 'out-iface',
          ask: { kind: 'next-iface', hop: { match: { event: 'tx', node: 'host', ip: true } } },
          askBefore: { match: { event: 'route', node: 'host' } },
          question: t(
            "The host routes c1's SYN for 198.51.100.7. Which of the host's interfaces does it leave through?",
            '宿主机为 c1 发往 198.51.100.7 的 SYN 做路由。它从宿主机的哪个接口离开？',
          ),
          mistakes: [
            miss(
              'host/docker0',
              'docker0 leads back to the containers; 198.51.100.7 is outside, reached by the default route via the router.',
              'docker0 通往容器那边；198.51.100.7 在外面，要走经由路由器的默认路由。',
            ),
            miss(
              'host/lo',
              "lo carries only packets for the host's own addresses.",
              'lo 只承载发往宿主机自身地址的包。',
            ),
            miss(
              'router/eth0',
              "That is the router's interface, where the SYN arrives next; the host sends out of one of its own devices.",
              '那是路由器的接口，是 SYN 接下来到达的地方；宿主机只能从自己的设备发出。',
            ),
          ],
          right: t(
            "Right: {answer}, by the host's default route.",
            '答对了：{answer}，走的是宿主机的默认路由。',
          ),
          wrong: t(
            "The right answer: {answer}. The host's default route points to the router through eth0.",
            '正确答案是 {answer}：宿主机的默认路由经 eth0 指向路由器。',
          ),
        },
      ],
    },
    {
      id: 'masquerade',
      title: t('Leaving the host, and the way back', '离开宿主机，以及回程'),
      body: t(
        "c1's SYN, from 172.17.0.2, is about to leave the host. No router outside knows a way back to 172.17.0.0/16.",
        'c1 的 SYN 源地址是 172.17.0.2，即将离开宿主机。外面的路由器都不知道回 172.17.0.0/16 的路。',
      ),
      explain: t(
        "Leaving through eth0, the packet meets nat POSTROUTING. Docker's rule `-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE` replaces the private source with the address of the interface it leaves through, eth0's 192.0.2.10; conntrack records it. The server answers 192.0.2.10. On the host, conntrack matches the reply tuple and restores the destination to c1's address and port before routing: no DNAT rule is involved, and the published port has nothing to do with it. FORWARD's RELATED,ESTABLISHED rule lets the reply into docker0.",
        '从 eth0 出去时，数据包经过 nat 表的 POSTROUTING。Docker 的规则 `-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE` 把私有源地址换成出接口的地址，即 eth0 的 192.0.2.10，conntrack 记下这次转换。服务器回复 192.0.2.10。在宿主机上，conntrack 匹配到应答方向元组，在路由之前把目的地址恢复成 c1 的地址和端口：这里没有任何 DNAT 规则参与，也与发布的端口无关。FORWARD 中的 RELATED,ESTABLISHED 规则让应答进入 docker0。',
      ),
      setup: [],
      explore: ['iptables -t nat -S POSTROUTING', 'conntrack -L'],
      flow: fromContainer('c1', SERVER_IP, 'http', 80),
      focus: 'nat:POSTROUTING',
      predictions: [
        {
          id: 'forward-chain',
          ask: {
            kind: 'deciding-chain',
            hop: { match: { event: 'netfilter', chain: 'filter/', target: 'ACCEPT' } },
          },
          askBefore: { match: { event: 'netfilter', chain: 'filter/' } },
          question: t(
            "The host forwards c1's SYN, a new connection, from docker0 to another interface. Which chain of the filter table accepts it?",
            '宿主机把 c1 的 SYN（一个新连接）从 docker0 转发到另一个接口。filter 表的哪条链放行了它？',
          ),
          mistakes: NOT_A_FORWARD_CHAIN,
          right: t('Right: {answer}.', '答对了：{answer}。'),
          wrong: t(
            "The right answer: {answer}. Forwarded packets meet the filter FORWARD hook, and Docker's rule accepts them.",
            '正确答案是 {answer}：被转发的包要经过 filter 表的 FORWARD 钩子，由 Docker 的规则放行。',
          ),
        },
        {
          id: 'masq-src',
          ask: { kind: 'src-after', hop: FIRST_NAT },
          question: t(
            "c1's SYN passes nat POSTROUTING on its way out of the host. What is its source address after that hop?",
            'c1 的 SYN 在离开宿主机时经过 nat 表的 POSTROUTING。这一步之后，它的源地址是什么？',
          ),
          mistakes: [
            miss(
              '172.17.0.2',
              "Unchanged, the server would answer a private address no router outside can reach; Docker's MASQUERADE rule rewrites it.",
              '如果不变，服务器就得回复一个外面任何路由器都到不了的私有地址；Docker 的 MASQUERADE 规则会改写它。',
            ),
            miss(
              '172.17.0.1',
              'MASQUERADE takes the address of the interface the packet leaves through, eth0, not docker0.',
              'MASQUERADE 取的是包的出接口 eth0 的地址，而不是 docker0 的。',
            ),
            miss(
              '192.0.2.1',
              "That is the router, the host's gateway; MASQUERADE uses the host's own address on the way out.",
              '那是路由器，宿主机的网关；MASQUERADE 用的是宿主机自己出口上的地址。',
            ),
          ],
          right: t("Right: {answer}, eth0's address.", '答对了：{answer}，也就是 eth0 的地址。'),
          wrong: t(
            'The right answer: {answer}. MASQUERADE takes the address of the interface the packet leaves through, eth0, not docker0.',
            '正确答案是 {answer}：MASQUERADE 取的是出接口 eth0 的地址，而不是 docker0 的。',
          ),
        },
        {
          id: 'reply-by',
          ask: { kind: 'nat-by', hop: { packet: REPLY, match: { event: 'nat' } } },
          question: t(
            "The server's SYN-ACK arrives on the host for 192.0.2.10. Its destination must become c1's again. Who rewrites it?",
            '服务器的 SYN-ACK 发往 192.0.2.10，到达宿主机。它的目的地址必须改回 c1 的。是谁改写的？',
          ),
          mistakes: NAT_BY_CONNTRACK,
          right: t('Right: {answer}.', '答对了：{answer}。'),
          wrong: t(
            'The right answer: {answer}. No DNAT rule exists for replies; the conntrack entry remembers the original source.',
            '正确答案是：{answer}。应答没有对应的 DNAT 规则，是 conntrack 条目记住了原来的源地址。',
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
          "The server's SYN-ACK, now for c1, is forwarded into docker0. Which chain of the filter table accepts it?",
          '服务器的 SYN-ACK 现在发往 c1，被转发进 docker0。filter 表的哪条链放行了它？',
        ),
        mistakes: [
          miss(
            'filter/DOCKER',
            'filter DOCKER holds the ACCEPT rules for published ports; this reply goes to the port c1 chose for its own connection, which is published nowhere.',
            'filter 表的 DOCKER 链放的是已发布端口的 ACCEPT 规则；这个应答发往 c1 为自己的连接选的端口，它并没有被发布。',
          ),
          miss(
            'filter/INPUT',
            "After conntrack restores c1's address the reply is for c1, so it is forwarded, not delivered to the host.",
            'conntrack 恢复出 c1 的地址后，应答是发给 c1 的，所以走转发，而不是交给宿主机。',
          ),
          miss(
            'nat/PREROUTING',
            "nat chains rewrite, they don't accept; and a packet of a known connection does not traverse the nat table at all.",
            'nat 表的链只改写、不放行；而且已知连接的包根本不经过 nat 表。',
          ),
        ],
        right: t('Right: {answer}.', '答对了：{answer}。'),
        wrong: t(
          'The right answer: {answer}. The conntrack state match (RELATED,ESTABLISHED) accepts it.',
          '正确答案是 {answer}：靠 conntrack 状态匹配（RELATED,ESTABLISHED）放行。',
        ),
      },
    },
    {
      step: 2,
      prediction: {
        id: 'reply-dst',
        ask: { kind: 'dst-after', hop: { packet: REPLY, match: { event: 'nat' } } },
        question: t(
          "conntrack has rewritten the server's SYN-ACK on the host. What are its destination address and port now?",
          'conntrack 已经在宿主机上改写了服务器的 SYN-ACK。它现在的目的地址和端口是什么？',
        ),
        mistakes: [
          miss(
            '192.0.2.10:40001',
            "That is what the server answered, before conntrack: the host's address. It must become c1's again to reach c1.",
            '这是服务器回复时的目的地址，也就是 conntrack 改写之前的宿主机地址。要送到 c1，必须改回 c1 的地址。',
          ),
          miss(
            '172.17.0.2:80',
            "80 is the server's port; c1's own socket used a port of its own, and the reply goes back to it.",
            '80 是服务器的端口；c1 的套接字用的是它自己的端口，应答回到那个端口。',
          ),
          miss(
            '172.17.0.1:40001',
            "That is docker0's address; the connection is c1's, and conntrack puts c1's address back.",
            '这是 docker0 的地址；连接是 c1 的，conntrack 换回的是 c1 的地址。',
          ),
        ],
        right: t(
          "Right: {answer}: c1's address and the port its client socket used.",
          '答对了：{answer}，即 c1 的地址和它客户端套接字的端口。',
        ),
        wrong: t(
          "The right answer: {answer}. The reply goes back to c1's own address and port.",
          '正确答案是 {answer}：应答回到 c1 自己的地址和端口。',
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
        mistakes: [
          miss(
            'docker0',
            'A bridge has no routing switch: it never routes. The host routes between docker0 and eth0.',
            '网桥没有转发开关：它从不路由。在 docker0 和 eth0 之间路由的是宿主机。',
          ),
          miss(
            'container',
            "A container's own ip_forward only matters for routing inside its namespace; c1's packets are routed by the host.",
            '容器自己的 ip_forward 只影响它网络命名空间里的路由；c1 的包是由宿主机路由的。',
          ),
        ],
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
