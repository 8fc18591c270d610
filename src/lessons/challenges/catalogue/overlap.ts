// Challenge 8: the office network is 172.17.x.x, reached through the router, and docker0's connected
// route 172.17.0.0/16 wins the route lookup on the host and in every container; `bip` moves docker0.
import type { Flow } from '../../../sim';
import { addr, t } from '../../catalogue/common';
import type { Challenge } from '../types';
import { runApp } from './common';

export const OFFICE_IP = addr('172.17.5.20');
/** The fix's subnet: one no route of this lab covers (the host's LAN is 192.0.2.0/24). */
export const NEW_BIP = '10.200.0.1/24';

/** `curl http://172.17.5.20/` on the host. */
const hostToOffice: Flow = { from: { kind: 'host' }, to: OFFICE_IP, kind: 'http', port: 80 };
/** `docker exec app wget -qO- http://172.17.5.20/`. */
const appToOffice: Flow = {
  from: { kind: 'container', name: 'app' },
  to: OFFICE_IP,
  kind: 'http',
  port: 80,
};

export const CHALLENGE_OVERLAP: Challenge = {
  id: 'challenge-overlapping-subnet',
  title: t('Docker took the office network', 'Docker 占了办公网的网段'),
  goal: t(
    "The office's intranet server `office`, 172.17.5.20, is behind the router like the rest of the world, and nobody on this host has reached it since Docker was installed: `curl http://172.17.5.20/` on the host and `docker exec app wget -qO- http://172.17.5.20/` both fail. Make both succeed.",
    '办公网的内网服务器 `office`（172.17.5.20）和外面的其他机器一样在路由器后面，可自从这台主机装了 Docker，谁都访问不到它：宿主机上的 `curl http://172.17.5.20/` 和 `docker exec app wget -qO- http://172.17.5.20/` 都失败。让两者都成功。',
  ),
  broken: [
    {
      op: 'remote',
      opts: {
        name: 'office',
        ip: OFFICE_IP,
        listen: [{ proto: 'tcp', port: 80, http: { status: 200, body: 'Hello from 80\n' } }],
      },
    },
    runApp,
  ],
  goals: [
    { flow: hostToOffice, want: 'succeeds' },
    { flow: appToOffice, want: 'succeeds' },
  ],
  hints: [
    t(
      'Ask the host which way it would send a packet to the office: `ip route get 172.17.5.20`. Is that the way to the router?',
      '问问宿主机发往办公网的包会走哪条路：`ip route get 172.17.5.20`。这是通往路由器的路吗？',
    ),
    t(
      'Read `ip route` on the host and `docker exec app ip route`: which route covers 172.17.5.20, and why does it win over `default`? Then `ip neigh`: who answered the ARP for 172.17.5.20 on docker0?',
      '看宿主机的 `ip route` 和 `docker exec app ip route`：哪条路由覆盖了 172.17.5.20？它为什么比 `default` 优先？再看 `ip neigh`：docker0 上有谁回答了 172.17.5.20 的 ARP？',
    ),
    t(
      "The route 172.17.0.0/16 comes with docker0's address, and the most specific route wins. Stopping the containers does not remove it; docker0 itself has to move to a subnet nothing else uses, which is the daemon's setting, not a container's.",
      '172.17.0.0/16 这条路由是随 docker0 的地址而来的，而最具体的路由优先。停掉容器并不能去掉它；必须让 docker0 本身换到一个没人用的网段，这是守护进程的设置，不是容器的。',
    ),
    t(
      'Give docker0 another address: `lab daemon bip=10.200.0.1/24` (on a real host `"bip": "10.200.0.1/24"` in /etc/docker/daemon.json, then `systemctl restart docker`). The restart stops the running containers: `docker start app` brings it back with an address from the new subnet.',
      '给 docker0 换个地址：`lab daemon bip=10.200.0.1/24`（真实主机上是在 /etc/docker/daemon.json 里写 `"bip": "10.200.0.1/24"`，再 `systemctl restart docker`）。重启会停掉正在运行的容器：`docker start app` 让它回来，并从新网段拿到地址。',
    ),
  ],
  fixes: [
    {
      commands: [`lab daemon bip=${NEW_BIP}`, 'docker start app'],
      steps: [
        { op: 'daemon', patch: { bip: NEW_BIP } },
        { op: 'start', name: 'app' },
      ],
    },
  ],
  explain: t(
    "The office uses 172.17.x.x and is reached the ordinary way, through the router (the default route). Docker took 172.17.0.0/16 for docker0 when it first started because nothing on the host claimed it: dockerd skips a pool only when an on-link route or a nameserver in /etc/resolv.conf covers it (since Docker 23.0 a route through a gateway, the default route or a LAN's or a VPN's, does not count). docker0's address brings the connected route `172.17.0.0/16 dev docker0`, and Linux takes the most specific route that matches: the /16 beats the default route's /0, so the host sends packets for 172.17.5.20 onto docker0, where no one answers its ARP. It does so with no container running too: the route is only marked linkdown, and such routes are still used. Each container's own route, `172.17.0.0/16 dev eth0`, puts the office on its link as well, so a VPN that pushes a narrower route such as 172.17.5.0/24 rescues the host but never the containers. `bip` gives docker0 another address and subnet. The restart of dockerd stops every running container (unless live-restore is on); started again, each takes an address from the new subnet, behind the MASQUERADE rule Docker rewrote for it. `default-address-pools` only chooses the subnets of networks Docker creates from then on, and docker0's only while docker0 does not exist: an existing docker0 keeps its address across restarts, so it is `bip` that moves it.",
    '办公网用的是 172.17.x.x，走的是普通的路：经过路由器（默认路由）。Docker 第一次启动时给 docker0 选了 172.17.0.0/16，因为宿主机上没有谁占着它：dockerd 只跳过被直连（on-link）路由或 /etc/resolv.conf 里的 nameserver 覆盖的地址池（从 Docker 23.0 起，经网关的路由，无论是默认路由还是局域网或 VPN 的路由，都不算）。docker0 的地址带来一条直连路由 `172.17.0.0/16 dev docker0`，而 Linux 选匹配的路由中最具体的那条：/16 胜过默认路由的 /0，所以宿主机把发往 172.17.5.20 的包送到 docker0 上，在那里它的 ARP 没人回答。即使没有容器在运行也是如此：这条路由只是被标成 linkdown，这样的路由照样会被使用。每个容器自己的路由 `172.17.0.0/16 dev eth0` 也把办公网当成同一链路上的，所以 VPN 推送一条更窄的路由（比如 172.17.5.0/24）能救宿主机，却永远救不了容器。`bip` 给 docker0 换一个地址和网段。dockerd 重启时会停掉所有正在运行的容器（除非开了 live-restore）；再次启动后，每个容器都从新网段拿到地址，Docker 也为新网段重写了 MASQUERADE 规则。`default-address-pools` 只决定 Docker 此后新建的网络用哪些网段，只有在 docker0 还不存在时才决定 docker0 的：已经存在的 docker0 在重启后保留原来的地址，所以真正能让它搬走的是 `bip`。',
  ),
};
