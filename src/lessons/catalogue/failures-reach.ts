// Failure labs, part 1: nothing published, ip_forward off, --network none, a host-port clash.
import type { Lesson, Mistake, Prediction, Text } from '../types';
import {
  C1_C2,
  HOST_IP,
  SERVER_IP,
  addr,
  clientHttp,
  fromContainer,
  miss,
  publish,
  t,
} from './common';

/** "Where is it dropped?": the node of the drop hop. */
const droppedAt = (
  id: string,
  question: Text,
  mistakes: readonly Mistake[],
  why: Text,
): Prediction => ({
  id,
  ask: { kind: 'next-node', hop: { match: { event: 'drop' } } },
  question,
  mistakes,
  right: t('Right: {answer}.', '答对了：{answer}。'),
  wrong: {
    en: `The right answer: {answer}. ${why.en}`,
    'zh-CN': `正确答案是：{answer}。${why['zh-CN']}`,
  },
});

export const LAB_NO_PUBLISH: Lesson = {
  id: 'lab-no-publish',
  kind: 'failure-lab',
  title: t('Forgot `-p`', '忘了 `-p`（端口映射）'),
  summary: t(
    'nginx runs in c1, but nothing on the host answers for it.',
    'nginx 在 c1 里运行，可宿主机上没有谁替它应答。',
  ),
  steps: [
    {
      id: 'no-p',
      title: t('A client asks for port 80', '客户端访问 80 端口'),
      body: t(
        'nginx runs in c1 on port 80, started without `-p`. A client outside sends a SYN to 192.0.2.10:80.',
        'c1 里的 nginx 监听 80 端口，启动时没加 `-p`。外面的客户端向 192.0.2.10:80 发出 SYN。',
      ),
      explain: t(
        'c1 listens on 172.17.0.2:80, an address the outside cannot route to. Without `-p` Docker installs no DNAT rule and starts no docker-proxy, so the SYN for 192.0.2.10:80 is simply for the host, where nothing listens on port 80: the host\'s kernel answers with a TCP RST and curl reports "Connection refused".',
        'c1 在 172.17.0.2:80 上监听，而外部没有到这个地址的路由。不加 `-p`，Docker 既不装 DNAT 规则，也不启动 docker-proxy，所以发往 192.0.2.10:80 的 SYN 就是给宿主机自己的，而宿主机上没有进程监听 80 端口：宿主机内核回复 TCP RST，curl 报告 “Connection refused”。',
      ),
      setup: [{ op: { op: 'run', opts: { image: 'nginx', name: 'c1', detach: true } } }],
      explore: ['docker ps', 'iptables -t nat -S DOCKER'],
      flow: clientHttp(80, HOST_IP),
      focus: 'nat:PREROUTING',
      predictions: [
        {
          id: 'who-gets-syn',
          ask: { kind: 'next-node', hop: { match: { event: 'deliver' } } },
          question: t(
            "Who ends up receiving the client's SYN for 192.0.2.10:80?",
            '客户端发往 192.0.2.10:80 的 SYN 最终被谁收到？',
          ),
          mistakes: [
            miss(
              'container:c1',
              "Without -p there is no DNAT rule: nothing changes the destination to c1's address, and the outside cannot route to 172.17.0.2.",
              '不加 -p 就没有 DNAT 规则：没有谁把目的地址改成 c1 的，而外部又无法路由到 172.17.0.2。',
            ),
            miss(
              'router',
              'The router forwards the SYN to 192.0.2.10; it does not answer for that address.',
              '路由器把 SYN 转发给 192.0.2.10，它不会替这个地址应答。',
            ),
          ],
          right: t(
            'Right: {answer}, and nothing there listens on 80.',
            '答对了：{answer}，而那里没有进程监听 80 端口。',
          ),
          wrong: t(
            'The right answer: {answer}. With no DNAT rule the packet stays addressed to the host.',
            '正确答案是 {answer}：没有 DNAT 规则，包的目的地仍是宿主机。',
          ),
        },
      ],
    },
  ],
  checks: [],
};

export const LAB_IP_FORWARD: Lesson = {
  id: 'lab-ip-forward',
  kind: 'failure-lab',
  title: t('The host stops routing (ip_forward=0)', '宿主机不再转发（ip_forward=0）'),
  summary: t(
    "Turn off the host's routing and watch c1 lose the internet.",
    '关掉宿主机的转发，看 c1 如何断网。',
  ),
  steps: [
    {
      id: 'off',
      title: t('ip_forward=0', 'ip_forward=0'),
      body: t(
        'Someone sets net.ipv4.ip_forward to 0 on the host. Then c1 pings 198.51.100.7, a server outside.',
        '有人把宿主机的 net.ipv4.ip_forward 设成了 0。随后 c1 去 ping 外面的服务器 198.51.100.7。',
      ),
      explain: t(
        "net.ipv4.ip_forward is the host's switch for routing packets that are not its own. With it at 0, c1's packet still reaches docker0 and the host's IP stack, but the host refuses to pass it from docker0 to eth0. Containers can still talk to the host and to each other on the bridge: those paths are not routed.",
        'net.ipv4.ip_forward 是宿主机转发“不属于自己的包”的开关。设为 0 后，c1 的包依然能到达 docker0 和宿主机的 IP 协议栈，但宿主机拒绝把它从 docker0 转发到 eth0。容器与宿主机之间、同一网桥上的容器之间照样能通信：这些路径都不经过路由转发。',
      ),
      setup: [...C1_C2, { op: { op: 'sysctl', key: 'net.ipv4.ip_forward', value: '0' } }],
      explore: ['sysctl net.ipv4.ip_forward'],
      flow: fromContainer('c1', SERVER_IP, 'ping'),
      focus: 'host:routing',
      predictions: [
        droppedAt(
          'fwd-off',
          t("Where is c1's echo request dropped?", 'c1 的回显请求在哪里被丢弃？'),
          [
            miss(
              'container:c1',
              "c1 has a default route via 172.17.0.1 and sends the request: ip_forward of the host does not stop c1's own sending.",
              'c1 有经 172.17.0.1 的默认路由，照样发出请求：宿主机的 ip_forward 管不到 c1 自己发包。',
            ),
            miss(
              'router',
              'The router never sees it: the host does not pass it on.',
              '路由器根本见不到它：宿主机没有把它转发出去。',
            ),
          ],
          t('The host drops it at the routing step.', '宿主机在路由这一步就把它丢弃了。'),
        ),
      ],
    },
  ],
  checks: [],
};

export const LAB_NONE: Lesson = {
  id: 'lab-none',
  kind: 'failure-lab',
  title: t('No network at all (--network none)', '完全没有网络（--network none）'),
  summary: t('A container with nothing but lo.', '一个只有 lo 的容器。'),
  steps: [
    {
      id: 'none',
      title: t('Ping from iso', '从 iso 里 ping'),
      body: t(
        'busybox runs as iso with `--network none`, next to c1 and c2 on the default bridge. iso pings c1, 172.17.0.2.',
        'busybox 以 `--network none` 运行，名为 iso，旁边是默认网桥上的 c1 和 c2。iso 去 ping c1，即 172.17.0.2。',
      ),
      explain: t(
        'The container\'s namespace holds only lo. There is no route to 172.17.0.2, so ping fails inside the container with "Network is unreachable": no frame ever exists.',
        '容器的网络命名空间里只有 lo。没有到 172.17.0.2 的路由，ping 在容器内部就以 “Network is unreachable” 失败：一个帧也不会产生。',
      ),
      setup: [
        ...C1_C2,
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
      explore: ['docker exec iso ip addr'],
      flow: fromContainer('iso', addr('172.17.0.2'), 'ping'),
      focus: 'container:iso',
      predictions: [
        droppedAt(
          'none-ping',
          t("Where does iso's ping to c1 end?", 'iso ping c1 的请求止步于哪里？'),
          [
            miss(
              'host',
              "The request never reaches the host: iso's namespace has no interface but lo and no route to 172.17.0.2.",
              '请求根本到不了宿主机：iso 的网络命名空间里除了 lo 没有接口，也没有到 172.17.0.2 的路由。',
            ),
            miss(
              'container:c1',
              'c1 never hears of it: nothing connects iso to docker0.',
              'c1 根本收不到：没有任何东西把 iso 连到 docker0。',
            ),
          ],
          t('There is no interface to send it from.', '根本没有可以发送它的接口。'),
        ),
      ],
    },
  ],
  checks: [],
};

export const LAB_PORT_CLASH: Lesson = {
  id: 'lab-port-clash',
  kind: 'failure-lab',
  title: t('Two containers, one host port', '两个容器，一个宿主机端口'),
  summary: t('Publishing 8080 twice.', '把 8080 发布两次。'),
  steps: [
    {
      id: 'clash',
      title: t('web2 wants 8080 too', 'web2 也想要 8080'),
      body: t(
        'web publishes 8080:80. Then web2 is started with the same `-p 8080:80`.',
        'web 发布了 8080:80（端口映射）。随后 web2 以同样的 `-p 8080:80` 启动。',
      ),
      explain: t(
        "A host port can be published once per address and protocol: the DNAT rule and docker-proxy for 0.0.0.0:8080 already belong to web. Docker's port allocator refuses the second binding, so web2 does not start.",
        '同一地址和协议上，一个宿主机端口只能发布一次：0.0.0.0:8080 的 DNAT 规则和 docker-proxy 已经属于 web。Docker 的端口分配器拒绝第二次绑定，web2 无法启动。',
      ),
      setup: [
        {
          op: {
            op: 'run',
            opts: { image: 'nginx', name: 'web', detach: true, ports: [publish(8080, 80)] },
          },
        },
        {
          op: {
            op: 'run',
            opts: { image: 'nginx', name: 'web2', detach: true, ports: [publish(8080, 80)] },
          },
          expect: 'error',
        },
      ],
      explore: ['docker ps -a'],
      focus: 'nat:PREROUTING',
      predictions: [
        {
          id: 'clash-result',
          ask: { kind: 'setup', action: 1 },
          question: t(
            'What does Docker do when web2 asks for host port 8080 too?',
            'web2 也要宿主机的 8080 端口时，Docker 会怎么做？',
          ),
          mistakes: [
            miss(
              'ok',
              'A host port can be published once per address and protocol, and web holds 0.0.0.0:8080.',
              '同一地址和协议上，一个宿主机端口只能发布一次，而 0.0.0.0:8080 已经归 web 所有。',
            ),
            miss(
              'warning',
              'Docker warns only when it can still start the container (host mode discards -p); here it cannot bind the port.',
              'Docker 只在仍能启动容器时给警告（比如 host 模式丢弃 -p）；这里它根本绑不上这个端口。',
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
      ],
    },
  ],
  checks: [],
};
