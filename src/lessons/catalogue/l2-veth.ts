// Lesson 2: container ↔ host through the veth pair, container ↔ container switched by docker0 at layer 2.
import type { Lesson } from '../types';
import { C1_C2, addr, fromContainer, miss, t } from './common';
import { BRIDGE_NEVER_ROUTES, TO_BRIDGE } from './mistakes';

const C1 = addr('172.17.0.2');
const BRIDGE_EVENTS = ['bridge-forward', 'bridge-flood', 'bridge-local'] as const;

const NOT_UP = miss(
  'bridge-local',
  "Only a frame for docker0's own MAC goes up to the host's IP stack; this one is for a container's MAC.",
  '只有发给 docker0 自己 MAC 的帧才会上交给宿主机的 IP 协议栈；这个帧的目的 MAC 是容器的。',
);

export const LESSON_VETH: Lesson = {
  id: 'veth',
  kind: 'lesson',
  title: t('The veth pair and the bridge', 'veth 对与网桥'),
  summary: t(
    'How a frame gets from the host into a container, and from one container to another without being routed.',
    '帧如何从宿主机进入容器，又如何在两个容器之间传递而不经过路由。',
  ),
  steps: [
    {
      id: 'pair',
      title: t('Two containers on docker0', 'docker0 上的两个容器'),
      body: t(
        'c1 (nginx, publishing 8080:80) and c2 (busybox) start on the default bridge. Each gets an eth0 inside its own network namespace, and `ip link` on the host shows one new vethXXXXXXX per container.',
        'c1（nginx，发布 8080:80）和 c2（busybox）在默认网桥上启动。两者都在自己的网络命名空间里有一个 eth0，而宿主机上的 `ip link` 每个容器多出一个 vethXXXXXXX。',
      ),
      explain: t(
        "For each container on a bridge network Docker creates a veth pair in the host's namespace: two virtual interfaces joined like the ends of a cable — what enters one comes out of the other. One end is moved into the container's network namespace and renamed eth0; the other stays in the host as vethXXXXXXX and is enslaved to docker0 as a bridge port. The host end has no IP address: it is just a switch port.",
        '对于 bridge 网络上的每个容器，Docker 先在宿主机的网络命名空间里创建一对 veth：两块虚拟网卡像一根网线的两端一样相连——从一端进去，就从另一端出来。其中一端被移进容器的网络命名空间并改名为 eth0；另一端以 vethXXXXXXX 的名字留在宿主机上，作为端口挂到 docker0 网桥。宿主机这一端没有 IP 地址，它只是交换机上的一个端口。',
      ),
      setup: C1_C2,
      explore: ['ip link', 'bridge link', 'docker run --rm --network container:c1 busybox ip addr'],
      focus: 'veth:c1',
      predictions: [
        {
          id: 'born-where',
          ask: {
            kind: 'fact',
            question: t(
              "Where is the interface that becomes c1's eth0 created?",
              '后来成为 c1 的 eth0 的那块接口，是在哪里创建的？',
            ),
            choices: [
              {
                id: 'host-then-moved',
                label: t(
                  "In the host, then moved into c1's namespace and renamed",
                  '在宿主机上创建，再移进 c1 的网络命名空间并改名',
                ),
              },
              {
                id: 'inside',
                label: t(
                  "Inside c1's namespace, by the container itself",
                  '由容器自己在 c1 的网络命名空间里创建',
                ),
              },
              { id: 'docker0', label: t('It is a port of docker0', '它就是 docker0 的一个端口') },
            ],
            answer: 'host-then-moved',
          },
          mistakes: [
            miss(
              'inside',
              "dockerd sets up the container's network before its process starts; the process never creates its own eth0.",
              'dockerd 在容器进程启动之前就配好了它的网络；容器进程从不自己创建 eth0。',
            ),
            miss(
              'docker0',
              "docker0's port is the other end of the pair, the vethXXXXXXX that stays in the host; eth0 is inside c1.",
              'docker0 的端口是这对 veth 的另一端，即留在宿主机上的 vethXXXXXXX；eth0 在 c1 里面。',
            ),
          ],
          right: t(
            'Right: created as a pair in the host, one end moved and renamed eth0.',
            '答对了：成对地在宿主机上创建，其中一端被移走并改名为 eth0。',
          ),
          wrong: t(
            'It is created in the host as one half of a pair, then moved into the namespace and renamed eth0; the other half is the docker0 port.',
            '它在宿主机上作为 veth 对的一半被创建，随后移进网络命名空间并改名为 eth0；另一半才是 docker0 的端口。',
          ),
        },
      ],
    },
    {
      id: 'host-to-c1',
      title: t('Host → c1', '宿主机 → c1'),
      body: t(
        "The host pings 172.17.0.2, c1. Nothing has talked to c1 yet: the host does not know c1's MAC address, and docker0 has not seen it either.",
        '宿主机 ping 172.17.0.2，也就是 c1。此前还没有谁和 c1 通信过：宿主机不知道 c1 的 MAC 地址，docker0 也还没见过它。',
      ),
      explain: t(
        "The host's routing table says 172.17.0.0/16 is directly connected on docker0, so no gateway: the host first needs c1's MAC. It broadcasts an ARP request into docker0, the bridge floods it out of every port, c1 answers, and the bridge learns which port c1's MAC lives behind. Then the echo request is switched to that one port, the host end of c1's veth pair, and comes out of the pair's other end: c1's eth0.",
        '宿主机的路由表说 172.17.0.0/16 是 docker0 上的直连网络，不需要网关：宿主机得先知道 c1 的 MAC。它向 docker0 广播 ARP 请求，网桥把请求泛洪到每个端口，c1 应答，网桥同时学到 c1 的 MAC 在哪个端口之后。随后回显请求只被交换到那一个端口——c1 那对 veth 在宿主机上的一端——再从这对 veth 的另一端，也就是 c1 的 eth0 出来。',
      ),
      setup: [],
      flow: { from: { kind: 'host' }, to: C1, kind: 'ping', count: 1 },
      focus: 'docker0',
      predictions: [
        {
          id: 'arp-flood',
          ask: { kind: 'bridge-action', hop: { match: { event: [...BRIDGE_EVENTS] } } },
          question: t(
            'The host\'s ARP request "who has 172.17.0.2?" enters docker0. What does the bridge do with it?',
            '宿主机的 ARP 请求“谁是 172.17.0.2？”进入 docker0。网桥会怎样处理它？',
          ),
          mistakes: [
            miss(
              'bridge-forward',
              'To send it to one port the bridge would need the destination in its MAC table; an ARP request goes to the broadcast address ff:ff:ff:ff:ff:ff.',
              '要只发往一个端口，网桥得在 MAC 表里查到目的地址；而 ARP 请求发往广播地址 ff:ff:ff:ff:ff:ff。',
            ),
            miss(
              'bridge-local',
              'The host itself sent this request into docker0; c1, behind one of the ports, must hear it.',
              '这个请求正是宿主机自己送进 docker0 的；需要听到它的是某个端口后面的 c1。',
            ),
            BRIDGE_NEVER_ROUTES,
          ],
          right: t(
            'Right: {answer}. A broadcast goes to every port.',
            '答对了：{answer}。广播帧会发往每一个端口。',
          ),
          wrong: t(
            'The right answer: {answer}. An ARP request is a broadcast, and a bridge floods broadcasts.',
            '正确答案是：{answer}。ARP 请求是广播，网桥对广播一律泛洪。',
          ),
        },
        {
          id: 'echo-switched',
          ask: { kind: 'bridge-action', hop: { match: { event: [...BRIDGE_EVENTS], ip: true } } },
          question: t(
            "c1 has answered, and docker0 has learned from that answer behind which port c1's MAC lives. What does the bridge do with the host's echo request to c1?",
            'c1 已经应答，docker0 也从这个应答中学到了 c1 的 MAC 在哪个端口之后。网桥会怎样处理宿主机发给 c1 的回显请求？',
          ),
          mistakes: [
            miss(
              'bridge-flood',
              "The bridge floods only frames for unknown or broadcast MACs; it has just learned c1's.",
              '网桥只对未知或广播 MAC 泛洪；它刚刚学到了 c1 的 MAC。',
            ),
            NOT_UP,
            BRIDGE_NEVER_ROUTES,
          ],
          right: t(
            "Right: {answer}: to the host end of c1's veth pair, whose other end is c1's eth0.",
            '答对了：{answer}：交换到 c1 那对 veth 在宿主机上的一端，它的另一端就是 c1 的 eth0。',
          ),
          wrong: t(
            "The right answer: {answer}. The FDB now knows c1's port, the host end of c1's veth pair.",
            '正确答案是：{answer}。FDB 已经知道 c1 的端口，即 c1 那对 veth 在宿主机上的一端。',
          ),
        },
      ],
    },
    {
      id: 'c2-to-c1',
      title: t('c2 → c1', 'c2 → c1'),
      body: t(
        "c2 fetches c1's web page with wget. Both are on 172.17.0.0/16, both behind docker0.",
        'c2 用 wget 去取 c1 的网页。两者都在 172.17.0.0/16 内，都在 docker0 后面。',
      ),
      explain: t(
        "c2 ARPs for c1 directly and sends the frame to c1's MAC. docker0 looks the MAC up in its forwarding database (FDB) and switches the frame from c2's port to c1's. The host's IP stack never sees it: no routing, no TTL change, no NAT, so the destination that reaches c1 is exactly what c2 sent. (Only with br_netfilter loaded, as for icc=false, would iptables look at bridged frames.)",
        'c2 直接对 c1 做 ARP，把帧发往 c1 的 MAC。docker0 在转发数据库（FDB）里查到这个 MAC，把帧从 c2 的端口交换到 c1 的端口。宿主机的 IP 协议栈完全看不到它：没有路由，TTL 不变，也没有 NAT，所以到达 c1 的目的地址与 c2 发出时完全相同。（只有加载了 br_netfilter，例如 icc=false 时，iptables 才会检查桥接的帧。）',
      ),
      setup: [],
      explore: ['bridge fdb show', 'ip neigh', 'docker exec c2 ip neigh'],
      flow: fromContainer('c2', C1, 'http', 80),
      focus: 'fdb',
      predictions: [
        {
          id: 'syn-switched',
          ask: { kind: 'bridge-action', hop: { match: { event: [...BRIDGE_EVENTS], ip: true } } },
          askBefore: { match: { event: 'send' } },
          question: t(
            'c2 is about to send its SYN to c1 (after ARP, if it must). When the SYN reaches docker0, what will the bridge do with it?',
            'c2 即将把 SYN 发给 c1（如有需要，先做 ARP）。SYN 到达 docker0 时，网桥会怎样处理它？',
          ),
          mistakes: [
            miss(
              'bridge-flood',
              "The bridge learned c1's MAC when c1 answered ARP; it floods only frames for unknown or broadcast MACs.",
              'c1 应答 ARP 时网桥就学到了它的 MAC；网桥只对未知或广播 MAC 泛洪。',
            ),
            NOT_UP,
            BRIDGE_NEVER_ROUTES,
          ],
          right: t('Right: {answer}. Layer 2 only.', '答对了：{answer}。只在二层。'),
          wrong: t(
            "The right answer: {answer}. The destination MAC is c1's, and the FDB knows its port.",
            '正确答案是：{answer}。目的 MAC 是 c1 的，FDB 知道它在哪个端口。',
          ),
        },
        {
          id: 'dst-unchanged',
          ask: { kind: 'dst-after', hop: { match: { event: 'deliver' } } },
          question: t(
            "c2's SYN comes out of c1's eth0. What are its destination address and port there?",
            'c2 的 SYN 从 c1 的 eth0 出来。这时它的目的地址和端口是什么？',
          ),
          mistakes: [
            miss(
              '172.17.0.1:80',
              "172.17.0.1 is docker0's address; c2 sent straight to c1, and nothing rewrites a switched frame.",
              '172.17.0.1 是 docker0 的地址；c2 直接发给 c1，被交换的帧不会被改写。',
            ),
            miss(
              '192.0.2.10:8080',
              'That is the published address and port, for clients outside; c2 talks to c1 directly and no NAT applies.',
              '那是发布给外部客户端用的地址和端口；c2 直接与 c1 通信，不做 NAT。',
            ),
            miss(
              '172.17.0.2:8080',
              '8080 is the host port of -p 8080:80; nginx in c1 listens on 80, and c2 asked for 80.',
              '8080 是 -p 8080:80 里的宿主机端口；c1 里的 nginx 监听 80，c2 请求的也是 80。',
            ),
          ],
          right: t(
            'Right: {answer}, exactly what c2 sent. Nothing rewrote it.',
            '答对了：{answer}，与 c2 发出时完全相同，没有任何改写。',
          ),
          wrong: t(
            'The right answer: {answer}. A switched frame is not NATed.',
            '正确答案是 {answer}：被交换的帧不会做 NAT。',
          ),
        },
      ],
    },
  ],
  checks: [
    {
      step: 1,
      prediction: {
        id: 'first-out',
        ask: { kind: 'next-iface', hop: { match: { event: 'tx', node: 'host', ip: true } } },
        question: t(
          "The host pings 172.17.0.2: which of the host's interfaces does its echo request leave through first?",
          '宿主机 ping 172.17.0.2：它的回显请求最先从宿主机的哪个接口发出？',
        ),
        mistakes: [
          ...TO_BRIDGE,
          miss(
            'container:c1/eth0',
            "c1's eth0 is where the request arrives; the host sends out of one of its own devices.",
            'c1 的 eth0 是请求到达的地方；宿主机只能从自己的设备发出。',
          ),
        ],
        right: t('Right: {answer}.', '答对了：{answer}。'),
        wrong: t(
          'The right answer: {answer}. The connected route for 172.17.0.0/16 is on docker0.',
          '正确答案是 {answer}：172.17.0.0/16 的直连路由在 docker0 上。',
        ),
      },
    },
    {
      step: 2,
      prediction: {
        id: 'reply-switched',
        ask: {
          kind: 'bridge-action',
          hop: { packet: { direction: 'reply' }, match: { event: [...BRIDGE_EVENTS] } },
        },
        question: t(
          'c1 answers c2 with a SYN-ACK. What does docker0 do with that SYN-ACK?',
          'c1 用 SYN-ACK 回应 c2。docker0 会怎样处理这个 SYN-ACK？',
        ),
        mistakes: [
          miss(
            'bridge-flood',
            "The bridge learned c2's MAC from c2's own frames (its ARP request and its SYN); no need to flood.",
            '网桥已经从 c2 自己发出的帧（ARP 请求和 SYN）里学到了 c2 的 MAC，无需泛洪。',
          ),
          NOT_UP,
          BRIDGE_NEVER_ROUTES,
        ],
        right: t('Right: {answer}.', '答对了：{answer}。'),
        wrong: t(
          "The right answer: {answer}. The bridge learned c2's MAC from the SYN.",
          '正确答案是：{answer}。网桥已经从 SYN 里学到了 c2 的 MAC。',
        ),
      },
    },
  ],
};
