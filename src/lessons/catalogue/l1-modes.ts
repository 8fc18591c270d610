// Lesson 1: the three networks a fresh Docker host has — none, host and the default bridge (docker0).
import type { Lesson } from '../types';
import { HOST_IP, SERVER_IP, addr, clientHttp, fromContainer, publish, t } from './common';

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
      title: t('--network none: only lo', '--network none：只有 lo'),
      body: t(
        'Docker gives the container a new network namespace and adds nothing to it. Inside there is only the loopback device lo; no eth0, no route, no neighbour. Whatever the container sends to another address has nowhere to go: the kernel fails it at once, before any packet exists on a wire.',
        'Docker 为容器新建一个网络命名空间，但什么都不往里放。里面只有环回设备 lo：没有 eth0，没有路由，也没有邻居。容器发往其他地址的任何数据都无路可走：内核当场就报错，线路上根本不会出现数据包。',
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
          right: t(
            'Right: {answer}. An empty namespace still has its own loopback.',
            '答对了：{answer}。空的网络命名空间也有自己的环回接口。',
          ),
          wrong: t(
            'Not quite: {answer}. Docker adds no interface in none mode; every namespace has lo.',
            '不对：答案是 {answer}。none 模式下 Docker 不添加任何接口；每个网络命名空间都自带 lo。',
          ),
        },
        {
          id: 'iso-ping',
          ask: { kind: 'arrives' },
          right: t(
            'Right: {answer}. With no route, ping fails inside the container.',
            '答对了：{answer}。没有路由，ping 在容器内部就失败了。',
          ),
          wrong: t(
            '{answer}: without an interface there is no route, so the packet never leaves the namespace.',
            '{answer}：没有接口就没有路由，数据包根本出不了这个网络命名空间。',
          ),
        },
      ],
    },
    {
      id: 'host',
      title: t("--network host: the host's own stack", '--network host：直接用宿主机的协议栈'),
      body: t(
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
      explore: ['docker ps', 'docker exec hostweb ip addr'],
      flow: clientHttp(80, HOST_IP),
      focus: 'host:eth0',
      predictions: [
        {
          id: 'host-p',
          ask: { kind: 'setup', action: 0 },
          question: t(
            'What does Docker do with `-p 8080:80` in host mode?',
            'host 模式下，Docker 怎样处理 `-p 8080:80`？',
          ),
          right: t(
            'Right: {answer}. Docker said: {detail}',
            '答对了：{answer}。Docker 的原话是：{detail}',
          ),
          wrong: t(
            '{answer}. Docker said: {detail}',
            '答案是：{answer}。Docker 的原话是：{detail}',
          ),
        },
        {
          id: 'host-ifaces',
          ask: { kind: 'ifaces', container: 'hostweb' },
          right: t(
            "Right: {answer}. The container shares the host's namespace.",
            '答对了：{answer}。容器与宿主机共用同一个网络命名空间。',
          ),
          wrong: t(
            '{answer}: in host mode there is no separate namespace, so no interface of its own.',
            '答案是：{answer}。host 模式没有独立的网络命名空间，也就没有自己的接口。',
          ),
        },
      ],
    },
    {
      id: 'bridge',
      title: t('The default: bridge and docker0', '默认模式：bridge 与 docker0'),
      body: t(
        'Without `--network`, a container joins the default `bridge` network. It gets its own namespace with eth0 and the lowest free address of 172.17.0.0/16, here 172.17.0.2, and a default route via 172.17.0.1, the address of docker0 on the host. docker0 is a software switch with an IP address of its own; the next lesson follows a packet across it.',
        '不指定 `--network` 时，容器加入默认的 `bridge` 网络。它拥有自己的网络命名空间和 eth0，拿到 172.17.0.0/16 中最小的空闲地址（这里是 172.17.0.2），默认路由指向 172.17.0.1——宿主机上 docker0 的地址。docker0 是一台带有自己 IP 地址的软件交换机；下一课会跟着数据包穿过它。',
      ),
      setup: [
        {
          op: {
            op: 'run',
            opts: { image: 'nginx', name: 'web', detach: true, ports: [publish(8080, 80)] },
          },
        },
      ],
      explore: ['docker exec web ip addr', 'docker exec web ip route', 'brctl show'],
      flow: { from: { kind: 'host' }, to: addr('172.17.0.2'), kind: 'http', port: 80 },
      focus: 'docker0',
      predictions: [
        {
          id: 'web-gw',
          ask: { kind: 'gateway', container: 'web' },
          right: t(
            "Right: {answer}, docker0's own address.",
            '答对了：{answer}，也就是 docker0 自己的地址。',
          ),
          wrong: t(
            "{answer}: the gateway is docker0's address on the host, not the host's eth0.",
            '答案是 {answer}：网关是宿主机上 docker0 的地址，而不是宿主机 eth0 的地址。',
          ),
        },
        {
          id: 'host-out',
          ask: { kind: 'next-iface', hop: { match: { event: 'tx', node: 'host', ip: true } } },
          right: t(
            'Right: {answer}. 172.17.0.0/16 is directly connected on docker0.',
            '答对了：{answer}。172.17.0.0/16 是 docker0 上的直连网络。',
          ),
          wrong: t(
            "{answer}: the host's route for 172.17.0.0/16 points at docker0.",
            '答案是 {answer}：宿主机到 172.17.0.0/16 的路由指向 docker0。',
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
          'In host mode, which network stack hands the request to nginx?',
          'host 模式下，是哪个网络协议栈把请求交给 nginx 的？',
        ),
        right: t('Right: {answer}.', '答对了：{answer}。'),
        wrong: t(
          '{answer}: a host-mode container has no stack of its own.',
          '答案是 {answer}：host 模式的容器没有自己的协议栈。',
        ),
      },
    },
    {
      step: 3,
      prediction: {
        id: 'bridge-ifaces',
        ask: { kind: 'ifaces', container: 'web' },
        right: t('Right: {answer}.', '答对了：{answer}。'),
        wrong: t(
          '{answer}: lo, plus eth0, the inner end of a veth pair.',
          '答案是 {answer}：lo，再加上 veth 对在容器里的那一端 eth0。',
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
        right: t(
          'Right: the null driver, as `docker network ls` shows.',
          '答对了：null 驱动，`docker network ls` 里就能看到。',
        ),
        wrong: t(
          'It is `null`: look at the DRIVER column of `docker network ls`.',
          '是 `null`：看 `docker network ls` 的 DRIVER 一列。',
        ),
      },
    },
  ],
};
