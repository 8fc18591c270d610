// Wrong fixes learners really try (learner-pitfalls.md), each of which must leave its challenge
// unsolved: the unit tests type them into the terminal, the e2e spec types the first of each.
/** Wrong fixes learners really try: each leaves the goal unmet. */
export const WRONG_FIXES: { readonly [id: string]: readonly (readonly string[])[] } = {
  'challenge-firewall-published-port': [
    // DOCKER-USER sees the packet after DNAT: its port is 80 by then.
    ['iptables -I DOCKER-USER -p tcp --dport 8080 -j DROP'],
    // Still INPUT, which a DNATed packet never crosses.
    ['iptables -I INPUT -s 203.0.113.5 -j DROP'],
    // Blocks the client, but also takes the web server away.
    ['docker stop c1'],
  ],
  'challenge-localhost-only': [
    // Publishing differently changes nothing inside the container.
    [
      'docker rm -f web',
      'docker run -d --name web -p 0.0.0.0:8080:80 busybox httpd -f -p 127.0.0.1:80',
    ],
    ['iptables -I DOCKER-USER -j ACCEPT'],
  ],
  'challenge-no-forwarding': [['iptables -P FORWARD ACCEPT']],
  'challenge-forward-drop': [
    // Forwarding is on already; the policy still drops.
    ['sysctl -w net.ipv4.ip_forward=1'],
    // Only the replies' rule: the first packet out still meets the DROP policy.
    ['iptables -A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT'],
  ],
  'challenge-no-masquerade': [
    ['iptables -P FORWARD ACCEPT'],
    // MASQUERADE only in the other direction: the container's packets leave on eth0, not docker0.
    ['iptables -t nat -A POSTROUTING -s 172.17.0.0/16 -o docker0 -j MASQUERADE'],
  ],
  'challenge-names': [
    // Only one end on the user-defined network: c2 is not on it, so its embedded DNS has no c2.
    ['docker network create app', 'docker network connect app c1'],
  ],
  'challenge-client-address': [
    // MASQUERADE is not what hides c2: docker-proxy's second connection starts at 172.17.0.1.
    ['iptables -t nat -D POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE'],
  ],
  'challenge-overlapping-subnet': [
    // With no container docker0 has no carrier, but its route stays (linkdown) and still wins.
    ['docker stop app'],
    // app leaves docker0, but the host forwards its packets by the host's table: docker0's route.
    [
      'docker network create --subnet 10.10.0.0/24 safe',
      'docker network disconnect bridge app',
      'docker network connect safe app',
    ],
    // Right for the host, but the restart stopped app, which nobody started again.
    ['lab daemon bip=10.200.0.1/24'],
  ],
  'challenge-direct-access': [
    // An accept in DOCKER-USER comes after the raw table's drop, and 127.0.0.1:8080 is still no
    // address the client can reach.
    ['iptables -I DOCKER-USER -j ACCEPT'],
  ],
};
