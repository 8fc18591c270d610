// Lesson 1: the three networks a fresh Docker host has — none, host and the default bridge (docker0).
import type { Lesson } from '../types';
import { HOST_IP, SERVER_IP, addr, clientHttp, fromContainer, miss, publish, t } from './common';
import { GATEWAY, TO_BRIDGE } from './mistakes';

const NO_NAMESPACE = miss(
  'host-stack',
  "That is host mode. Here Docker creates a new network namespace of the container's own.",
  '那是 host 模式。这里 Docker 为容器新建了属于它自己的网络命名空间。',
);

export const LESSON_MODES: Lesson = {
  id: 'modes',
  kind: 'lesson',
  title: t('Three networks: none, host, bridge', '三种网络：none、host、bridge'),
  summary: t(
    'What a container sees in each mode, and why bridge is the one with its own address.',
    '容器在三种模式下各看到什么，以及为什么只有 bridge 模式的容器拥有自己的地址。',
  ),
  steps: [
    {
      id: 'list',
      title: t('What dockerd creates at start', 'dockerd 启动时创建了什么'),
      body: t(
        "A freshly started daemon already has three networks. `bridge` (driver bridge) is backed by a real Linux bridge device, docker0, with 172.17.0.1/16. `host` and `none` have no device at all: they are two ways of choosing a network namespace, either the host's own or an empty one. A container joins exactly one of them with `--network` (`--net` is the old spelling).",
        '刚启动的守护进程已经带着三个网络。`bridge`（驱动 bridge）背后是一个真实的 Linux 网桥设备 docker0，地址 172.17.0.1/16。`host` 和 `none` 根本没有设备：它们只是选择网络命名空间的两种方式——要么用宿主机自己的，要么用一个空的。容器用 `--network`（旧写法 `--net`）加入其中之一。',
      ),
      setup: [],
      explore: ['docker network ls', 'ip addr show docker0'],
      focus: 'networks',
    },
    {
      id: 'none',
      title: t('--network none', '--network none 模式'),
      body: t(
        'busybox starts as iso with `--network none`: Docker gives it a new network namespace of its own. Then iso pings 198.51.100.7, a server outside.',
        'busybox 以 `--network none` 启动，名为 iso：Docker 为它新建一个属于它自己的网络命名空间。随后 iso 去 ping 外面的服务器 198.51.100.7。',
      ),
      explain: t(
        'Docker adds nothing to the new namespace. Inside there is only the loopback device lo, which every namespace has from birth; no eth0, no route, no neighbour. Whatever the container sends to another address has nowhere to go: the kernel fails it at once ("Network is unreachable"), before any packet exists on a wire.',
        'Docker 不往新的网络命名空间里放任何东西。里面只有环回设备 lo——每个网络命名空间生来就有；没有 eth0，没有路由，也没有邻居。容器发往其他地址的任何数据都无路可走：内核当场报错（“Network is unreachable”），线路上根本不会出现数据包。',
      ),
      setup: [
        {
          op: {
            op: 'run',
            opts: {
              image: 'busybox',
              name: 'iso',
              network: 'none',
              detach: true,
              tty: true,
              interactive: true,
            },
          },
        },
      ],
      explore: ['docker exec iso ip addr', 'docker exec iso ip route'],
      flow: fromContainer('iso', SERVER_IP, 'ping'),
      focus: 'container:iso',
      predictions: [
        {
          id: 'iso-ifaces',
          ask: { kind: 'ifaces', container: 'iso' },
          mistakes: [
            miss(
              'nothing',
              'Every network namespace is created with its own loopback device, lo; Docker just adds nothing else.',
              '每个网络命名空间创建时都自带环回设备 lo；Docker 只是没再添加别的。',
            ),
            miss(
              'lo + eth0',
              'eth0 is one end of a veth pair, which Docker creates only for a bridge network.',
              'eth0 是 veth 对的一端，只有 bridge 网络 Docker 才会创建它。',
            ),
            NO_NAMESPACE,
          ],
          right: t(
            'Right: {answer}. An empty namespace still has its own loopback.',
            '答对了：{answer}。空的网络命名空间也有自己的环回接口。',
          ),
          wrong: t(
            'The right answer: {answer}. Docker adds no interface in none mode; every namespace has lo.',
            '正确答案是 {answer}。none 模式下 Docker 不添加任何接口；每个网络命名空间都自带 lo。',
          ),
        },
        {
          id: 'iso-ping',
          ask: { kind: 'arrives' },
          question: t(
            "iso pings 198.51.100.7. Does iso's echo request reach the server?",
            'iso ping 198.51.100.7。iso 的回显请求能到达服务器吗？',
          ),
          mistakes: [
            miss(
              'yes',
              'With no interface but lo there is no route to 198.51.100.7: the kernel refuses the send inside iso, before any packet exists.',
              '除了 lo 没有别的接口，也就没有到 198.51.100.7 的路由：内核在 iso 内部就拒绝发送，数据包根本不会产生。',
            ),
          ],
          right: t(
            'Right: {answer}. With no route, ping fails inside the container.',
            '答对了：{answer}。没有路由，ping 在容器内部就失败了。',
          ),
          wrong: t(
            'The right answer: {answer}. Without an interface there is no route, so the packet never leaves the namespace.',
            '正确答案是：{answer}。没有接口就没有路由，数据包根本出不了这个网络命名空间。',
          ),
        },
      ],
    },
    {
      id: 'host',
      title: t('--network host', '--network host 模式'),
      body: t(
        'nginx starts as hostweb with `--network host` and, out of habit, `-p 8080:80`. Then the client outside fetches http://192.0.2.10:80/.',
        'nginx 以 `--network host` 启动，名为 hostweb，还顺手带上了 `-p 8080:80`。随后外面的客户端访问 http://192.0.2.10:80/。',
      ),
      explain: t(
        "With host networking the container does not get a namespace of its own: nginx binds port 80 directly in the host's stack, next to sshd and everything else. There is nothing to publish, so Docker discards `-p` and says so in a warning. Fast and simple, but no isolation: the container can see and change the host's interfaces and bind any free port.",
        '使用 host 网络时，容器没有自己的网络命名空间：nginx 直接在宿主机的协议栈里绑定 80 端口，和 sshd 等进程并列。既然无所谓“发布”，Docker 就丢弃 `-p`，并给出一条警告。简单、快，但没有隔离：容器能看到并修改宿主机的接口，也能绑定任何空闲端口。',
      ),
      setup: [
        {
          op: {
            op: 'run',
            opts: {
              image: 'nginx',
              name: 'hostweb',
              network: 'host',
              detach: true,
              ports: [publish(8080, 80)],
            },
          },
        },
      ],
      explore: ['docker ps', 'docker run --rm --network host busybox ip addr'],
      flow: clientHttp(80, HOST_IP),
      focus: 'container:hostweb',
      predictions: [
        {
          id: 'host-p',
          ask: { kind: 'setup', action: 0 },
          question: t(
            'What does Docker do with `-p 8080:80` for hostweb, in host mode?',
            'host 模式下，Docker 怎样处理 hostweb 的 `-p 8080:80`？',
          ),
          mistakes: [
            miss(
              'ok',
              'In host mode there is no address to translate to, so nothing to map. Docker starts the container but tells you it dropped -p.',
              'host 模式下没有可以转换过去的地址，也就无从映射。Docker 会启动容器，但会告诉你它丢掉了 -p。',
            ),
            miss(
              'error',
              'Docker does not refuse the container: it starts it and discards -p.',
              'Docker 并不拒绝启动容器：它照常启动，只是丢弃 -p。',
            ),
          ],
          right: t(
            'Right: {answer}. Docker said: {detail}',
            '答对了：{answer}。Docker 的原话是：{detail}',
          ),
          wrong: t(
            'The right answer: {answer}. Docker said: {detail}',
            '正确答案是：{answer}。Docker 的原话是：{detail}',
          ),
        },
        {
          id: 'host-ifaces',
          ask: { kind: 'ifaces', container: 'hostweb' },
          mistakes: [
            miss(
              'lo',
              'Only lo is none mode: an empty namespace. In host mode there is no namespace of its own at all.',
              '只有 lo 的是 none 模式：一个空的网络命名空间。host 模式根本没有自己的网络命名空间。',
            ),
            miss(
              'lo + eth0',
              'That is bridge mode, where a veth pair gives the container an eth0 of its own.',
              '那是 bridge 模式：veth 对给了容器属于自己的 eth0。',
            ),
          ],
          right: t(
            "Right: {answer}. The container shares the host's namespace.",
            '答对了：{answer}。容器与宿主机共用同一个网络命名空间。',
          ),
          wrong: t(
            'The right answer: {answer}. In host mode there is no separate namespace, so no interface of its own.',
            '正确答案是：{answer}。host 模式没有独立的网络命名空间，也就没有自己的接口。',
          ),
        },
      ],
    },
    {
      id: 'bridge',
      title: t('The default network', '默认网络'),
      body: t(
        "nginx starts as web with no `--network` at all, publishing 8080:80. Then the host itself fetches http://172.17.0.2/, web's address.",
        'nginx 以默认方式（不加 `--network`）启动，名为 web，发布 8080:80。随后宿主机自己访问 web 的地址 http://172.17.0.2/。',
      ),
      explain: t(
        'Without `--network`, a container joins the default `bridge` network. It gets its own namespace with eth0 and the lowest free address of 172.17.0.0/16, here 172.17.0.2, and a default route via 172.17.0.1, the address of docker0 on the host. For the host, 172.17.0.0/16 is directly connected on docker0, so its packet for web goes into the bridge. docker0 is a software switch with an IP address of its own; the next lesson follows a packet across it.',
        '不指定 `--network` 时，容器加入默认的 `bridge` 网络。它拥有自己的网络命名空间和 eth0，拿到 172.17.0.0/16 中最小的空闲地址（这里是 172.17.0.2），默认路由指向 172.17.0.1——宿主机上 docker0 的地址。对宿主机来说，172.17.0.0/16 是 docker0 上的直连网络，所以发给 web 的包进入网桥。docker0 是一台带有自己 IP 地址的软件交换机；下一课会跟着数据包穿过它。',
      ),
      setup: [
        {
          op: {
            op: 'run',
            opts: { image: 'nginx', name: 'web', detach: true, ports: [publish(8080, 80)] },
          },
        },
      ],
      explore: [
        'docker run --rm --network container:web busybox ip addr',
        'docker run --rm --network container:web busybox ip route',
        'brctl show',
      ],
      flow: { from: { kind: 'host' }, to: addr('172.17.0.2'), kind: 'http', port: 80 },
      focus: 'container:web',
      predictions: [
        {
          id: 'host-out',
          ask: { kind: 'next-iface', hop: { match: { event: 'tx', node: 'host', ip: true } } },
          askBefore: { match: { event: 'route', node: 'host' } },
          question: t(
            "The host sends its SYN to 172.17.0.2:80. Which of the host's interfaces does the SYN leave through?",
            '宿主机向 172.17.0.2:80 发出 SYN。这个 SYN 从宿主机的哪个接口发出？',
          ),
          mistakes: [
            ...TO_BRIDGE,
            miss(
              'container:web/eth0',
              "web's eth0 is where the SYN arrives, at the far end of the veth pair; the host sends out of one of its own devices.",
              'web 的 eth0 是 SYN 到达的地方，在 veth 对的另一端；宿主机只能从它自己的设备发出。',
            ),
          ],
          right: t(
            'Right: {answer}. 172.17.0.0/16 is directly connected on docker0.',
            '答对了：{answer}。172.17.0.0/16 是 docker0 上的直连网络。',
          ),
          wrong: t(
            "The right answer: {answer}. The host's route for 172.17.0.0/16 points at docker0.",
            '正确答案是 {answer}：宿主机到 172.17.0.0/16 的路由指向 docker0。',
          ),
        },
        {
          id: 'web-gw',
          ask: { kind: 'gateway', container: 'web' },
          mistakes: GATEWAY,
          right: t(
            "Right: {answer}, docker0's own address.",
            '答对了：{answer}，也就是 docker0 自己的地址。',
          ),
          wrong: t(
            "The right answer: {answer}, docker0's address on the host, on web's own subnet.",
            '正确答案是 {answer}：宿主机上 docker0 的地址，与 web 在同一子网。',
          ),
        },
      ],
    },
  ],
  checks: [
    {
      step: 2,
      prediction: {
        id: 'who-delivers',
        ask: { kind: 'next-node', hop: { match: { event: 'deliver' } } },
        question: t(
          "hostweb runs in host mode. Which network stack hands the client's request to its nginx?",
          'hostweb 以 host 模式运行。是哪个网络协议栈把客户端的请求交给它的 nginx？',
        ),
        mistakes: [
          miss(
            'container:hostweb',
            "hostweb has no stack of its own: its nginx is a process in the host's namespace.",
            'hostweb 没有自己的协议栈：它的 nginx 就是宿主机网络命名空间里的一个进程。',
          ),
          miss(
            'router',
            'The router only forwards between networks; it delivers to no process here.',
            '路由器只在网络之间转发，这里它不把包交给任何进程。',
          ),
        ],
        right: t('Right: {answer}.', '答对了：{answer}。'),
        wrong: t(
          'The right answer: {answer}. A host-mode container has no stack of its own.',
          '正确答案是 {answer}：host 模式的容器没有自己的协议栈。',
        ),
      },
    },
    {
      step: 3,
      prediction: {
        id: 'bridge-ifaces',
        ask: { kind: 'ifaces', container: 'web' },
        mistakes: [
          miss(
            'lo',
            'Only lo is none mode. web is on the default bridge, so Docker gave it one end of a veth pair as eth0.',
            '只有 lo 的是 none 模式。web 在默认网桥上，Docker 把 veth 对的一端作为 eth0 给了它。',
          ),
          NO_NAMESPACE,
          miss(
            'lo + eth0 + eth1',
            'An eth1 comes only from connecting the container to a second network (docker network connect); web is on one.',
            '只有把容器再连到第二个网络（docker network connect）才会出现 eth1；web 只在一个网络上。',
          ),
        ],
        right: t('Right: {answer}.', '答对了：{answer}。'),
        wrong: t(
          'The right answer: {answer}: lo, plus eth0, the inner end of a veth pair.',
          '正确答案是 {answer}：lo，再加上 veth 对在容器里的那一端 eth0。',
        ),
      },
    },
    {
      step: 0,
      prediction: {
        id: 'none-driver',
        ask: {
          kind: 'fact',
          question: t('Which driver does the `none` network use?', '`none` 网络使用哪个驱动？'),
          choices: [
            { id: 'null', label: t('null', 'null') },
            { id: 'bridge', label: t('bridge', 'bridge') },
            { id: 'host', label: t('host', 'host') },
          ],
          answer: 'null',
        },
        mistakes: [
          miss(
            'bridge',
            'bridge is the driver of the `bridge` network, the one backed by docker0.',
            'bridge 是 `bridge` 网络的驱动，背后是 docker0。',
          ),
          miss('host', 'host is the driver of the `host` network.', 'host 是 `host` 网络的驱动。'),
        ],
        right: t(
          'Right: the null driver, as `docker network ls` shows.',
          '答对了：null 驱动，`docker network ls` 里就能看到。',
        ),
        wrong: t(
          'The right answer is `null`: look at the DRIVER column of `docker network ls`.',
          '正确答案是 `null`：看 `docker network ls` 的 DRIVER 一列。',
        ),
      },
    },
  ],
};
