// Challenge 4: container names resolve only on user-defined networks (Docker's embedded DNS).
import type { Flow, RunOptions } from '../../../sim';
import { addr, t } from '../../catalogue/common';
import type { Challenge } from '../types';

const shell = (name: string, network?: string): RunOptions => ({
  image: 'busybox',
  name,
  detach: true,
  tty: true,
  interactive: true,
  ...(network === undefined ? {} : { network }),
});

/** `docker exec c1 ping -c 1 c2`: by name, resolved in c1 as busybox's resolver would (`to` unused). */
const pingByName: Flow = {
  from: { kind: 'container', name: 'c1' },
  to: addr('0.0.0.0'),
  name: 'c2',
  kind: 'ping',
  count: 1,
};

export const CHALLENGE_NAMES: Challenge = {
  id: 'challenge-names',
  title: t('Call it by its name', '用名字找到它'),
  goal: t(
    'c1 and c2 run on the default bridge and reach each other by address, but `docker exec c1 ping -c 1 c2` says `bad address`. Make it get a reply.',
    'c1 和 c2 运行在默认网桥上，用地址可以互相访问，但 `docker exec c1 ping -c 1 c2` 报 `bad address`。让它收到回复。',
  ),
  broken: [
    { op: 'run', opts: shell('c1') },
    { op: 'run', opts: shell('c2') },
  ],
  goals: [{ flow: pingByName, want: 'succeeds' }],
  hints: [
    t(
      'Is it the network or the name? Compare `docker exec c1 ping -c 1 172.17.0.3` with `docker exec c1 ping -c 1 c2`.',
      '是网络的问题还是名字的问题？对比 `docker exec c1 ping -c 1 172.17.0.3` 和 `docker exec c1 ping -c 1 c2`。',
    ),
    t(
      'Who is c1 asking? Read `docker exec c1 cat /etc/resolv.conf` and `docker exec c1 cat /etc/hosts`.',
      'c1 在问谁？看看 `docker exec c1 cat /etc/resolv.conf` 和 `docker exec c1 cat /etc/hosts`。',
    ),
    t(
      "On the default bridge a container gets a copy of the host's resolv.conf, and that nameserver has never heard of c2. Docker's embedded DNS (127.0.0.11) serves containers on user-defined networks only.",
      '在默认网桥上，容器拿到的是宿主机 resolv.conf 的副本，那个域名服务器根本不知道 c2。Docker 内置的 DNS（127.0.0.11）只服务于用户自定义网络上的容器。',
    ),
    t(
      'Create a network and attach both: `docker network create app`, `docker network connect app c1`, `docker network connect app c2`.',
      '创建一个网络并把两个容器都接上：`docker network create app`、`docker network connect app c1`、`docker network connect app c2`。',
    ),
  ],
  fixes: [
    {
      commands: [
        'docker network create app',
        'docker network connect app c1',
        'docker network connect app c2',
      ],
      steps: [
        { op: 'network-create', opts: { name: 'app' } },
        { op: 'connect', network: 'app', container: 'c1' },
        { op: 'connect', network: 'app', container: 'c2' },
      ],
    },
    {
      commands: [
        'docker network create app',
        'docker rm -f c1 c2',
        'docker run -dit --name c1 --network app busybox',
        'docker run -dit --name c2 --network app busybox',
      ],
      steps: [
        { op: 'network-create', opts: { name: 'app' } },
        { op: 'rm', name: 'c1', force: true },
        { op: 'rm', name: 'c2', force: true },
        { op: 'run', opts: shell('c1', 'app') },
        { op: 'run', opts: shell('c2', 'app') },
      ],
    },
  ],
  explain: t(
    "Names are not a property of the bridge but of the resolver. On the default `bridge` network Docker writes the container's /etc/resolv.conf as a copy of the host's (here `nameserver 8.8.8.8` and `nameserver 1.1.1.1`) and puts only the container's own id in /etc/hosts, so busybox asks the outside nameserver about `c2`, gets NXDOMAIN, and prints `ping: bad address 'c2'` before sending a single echo request. On a user-defined network Docker points resolv.conf at its embedded DNS server, 127.0.0.11, which answers with the address of every running container on the networks the asker shares with it. After `docker network connect app`, each container has a second interface, eth1 on the app bridge (172.18.0.0/16), and `c2` resolves to c2's address there, 172.18.0.3: the ping leaves c1's eth1, crosses the new bridge and comes back. (`--link` once wrote names into /etc/hosts on the default bridge; it is a legacy feature.)",
    "名字不是网桥的属性，而是解析器的事。在默认的 `bridge` 网络上，Docker 把容器的 /etc/resolv.conf 写成宿主机那份的副本（这里是 `nameserver 8.8.8.8` 和 `nameserver 1.1.1.1`），/etc/hosts 里只有容器自己的 ID，所以 busybox 去问外面的域名服务器 `c2` 是谁，得到 NXDOMAIN（查无此名），在发出任何一个 echo 请求之前就打印 `ping: bad address 'c2'`。在用户自定义网络上，Docker 让 resolv.conf 指向内置的 DNS 服务器 127.0.0.11，它会回答与提问者同在某个网络上的每个运行中容器的地址。执行 `docker network connect app` 之后，每个容器多了第二块网卡，即 app 网桥（172.18.0.0/16）上的 eth1，`c2` 解析为 c2 在那里的地址 172.18.0.3：ping 从 c1 的 eth1 出去，穿过新网桥，再回来。（`--link` 曾经在默认网桥上把名字写进 /etc/hosts；那是遗留功能。）",
  ),
};
