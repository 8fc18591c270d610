// Challenge 2: published but unreachable, because the server inside listens on 127.0.0.1 only
// (learner-pitfalls #2): the DNATed SYN reaches the container's eth0 and gets a RST.
import type { Step } from '../../../scenarios';
import type { Challenge } from '../types';
import { clientToPublished, publishOn, t } from './common';

const runHttpd = (bind: string): Step => ({
  op: 'run',
  opts: {
    image: 'busybox',
    name: 'web',
    detach: true,
    ports: [publishOn(null, 8080, 80)],
    command: ['httpd', '-f', '-p', bind],
  },
});

export const LOCALHOST_ONLY: Challenge = {
  id: 'challenge-localhost-only',
  title: t('Published, but nothing answers', '端口已发布，却没人应答'),
  goal: t(
    'Make `curl http://192.0.2.10:8080/` from the client reach the web server in `web` (any HTTP answer counts: busybox httpd has no index page and answers 404).',
    '让客户端的 `curl http://192.0.2.10:8080/` 连到 `web` 里的 Web 服务器（任何 HTTP 应答都算：busybox httpd 没有首页，会回 404）。',
  ),
  broken: [runHttpd('127.0.0.1:80')],
  goals: [{ flow: clientToPublished, want: 'succeeds' }],
  hints: [
    t(
      'The port is published (`docker port web`). Send the client’s curl and look at the last hop: is the packet dropped, or does something answer?',
      '端口确实发布了（`docker port web`）。发送客户端的 curl，看最后一跳：包是被丢弃了，还是有谁回了话？',
    ),
    t(
      'The SYN reaches 172.17.0.2:80 inside the container and comes back as a RST: no socket there accepts it. Which address does the server listen on? (`docker ps` shows its command.)',
      'SYN 到达了容器里的 172.17.0.2:80，回来的是 RST：那里没有套接字接受它。服务器监听的是哪个地址？（`docker ps` 能看到它的命令。）',
    ),
    t(
      '`httpd -p 127.0.0.1:80` binds the container’s own loopback, which no packet from outside reaches. Run it again listening on every address: `-p 80` (or `-p 0.0.0.0:80`).',
      '`httpd -p 127.0.0.1:80` 绑定的是容器自己的回环地址，外面来的包到不了那里。让它重新监听所有地址：`-p 80`（或 `-p 0.0.0.0:80`）。',
    ),
  ],
  fixes: [
    {
      commands: ['docker rm -f web', 'docker run -d --name web -p 8080:80 busybox httpd -f -p 80'],
      steps: [{ op: 'rm', name: 'web', force: true }, runHttpd('80')],
    },
    {
      commands: [
        'docker rm -f web',
        'docker run -d --name web -p 8080:80 busybox httpd -f -p 0.0.0.0:80',
      ],
      steps: [{ op: 'rm', name: 'web', force: true }, runHttpd('0.0.0.0:80')],
    },
  ],
  explain: t(
    'Every container has its own network namespace, with its own `lo`. Docker’s DNAT sends the client’s SYN to the container’s eth0 address, 172.17.0.2:80; a server bound to 127.0.0.1 only accepts connections to 127.0.0.1 in that namespace, so the kernel answers the SYN with a RST and curl says "Connection refused". Publishing differently (`-p 127.0.0.1:8080:80`, `-p 0.0.0.0:8080:80`) changes nothing inside: the server must listen on 0.0.0.0 (or on the container’s address). Many dev servers default to 127.0.0.1 (`flask run`, `vite`): in a container, give them `--host 0.0.0.0`.',
    '每个容器都有自己的网络命名空间，也有自己的 `lo`。Docker 的 DNAT 把客户端的 SYN 送到容器 eth0 的地址 172.17.0.2:80；只绑定 127.0.0.1 的服务器只接受该命名空间里发往 127.0.0.1 的连接，所以内核用 RST 回应这个 SYN，curl 报 "Connection refused"。换一种发布方式（`-p 127.0.0.1:8080:80`、`-p 0.0.0.0:8080:80`）改变不了容器内部：服务器必须监听 0.0.0.0（或容器自己的地址）。很多开发服务器默认只听 127.0.0.1（`flask run`、`vite`）：放进容器时要加 `--host 0.0.0.0`。',
  ),
};
