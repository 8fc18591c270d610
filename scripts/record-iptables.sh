#!/usr/bin/env bash
# Records what the real iptables (1.8.9, nf_tables) prints and does for the rule-changing commands
# the lab's terminal accepts, for src/terminal/host/iptables-write.test.ts. Each case starts from the
# reference host's ruleset (src/__fixtures__/host__iptables-save.txt) loaded with iptables-restore
# into a network namespace this script creates and deletes; it records stdout, stderr, the exit
# status and, for a change, the ruleset after it (iptables-save without comments and counters).
# Needs root, iproute2, iptables (Debian). The test does not run this: the JSON is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
IN=src/__fixtures__/host__iptables-save.txt
OUT=src/__fixtures__/iptables-writes.json
NS="dnl-rec-$$"
trap 'ip netns del "$NS" 2>/dev/null || true' EXIT
ip netns add "$NS"
CASES=(
  "iptables -I DOCKER-USER -s 203.0.113.5 -j DROP"
  "iptables -I DOCKER-USER -i eth0 -p tcp --dport 80 -j DROP"
  "iptables -A INPUT -p tcp --dport 8080 -j DROP"
  "iptables -I INPUT 1 -p tcp -m tcp --dport 8080 -j DROP"
  "iptables -I INPUT 3 -j ACCEPT"
  "iptables -A INPUT -i eth0 -j ACCEPT"
  "iptables -A INPUT -p icmp -j DROP"
  "iptables -A INPUT -p udp --dport 53 -j ACCEPT"
  "iptables -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT"
  "iptables -A FORWARD -s 172.17.0.0/16 -d 198.51.100.7 -j REJECT"
  "iptables -t nat -I PREROUTING -p tcp --dport 8081 -j DNAT --to-destination 172.17.0.3:80"
  "iptables -t nat -A POSTROUTING -s 172.17.0.0/16 -o eth0 -j SNAT --to-source 192.0.2.10"
  "iptables -P FORWARD ACCEPT"
  "iptables -P FORWARD DROP"
  "iptables -P INPUT DROP"
  "iptables -t nat -D POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE"
  "iptables -D DOCKER-USER -j RETURN"
  "iptables -D DOCKER-USER 1"
  "iptables -D FORWARD 1"
  "iptables -D INPUT -p tcp --dport 9999 -j DROP"
  "iptables -D INPUT 5"
  "iptables -D FORWARD 99"
  "iptables -A NOSUCH -j DROP"
  "iptables -A INPUT -j NOSUCH"
  "iptables -P DOCKER DROP"
  "iptables -P FORWARD MAYBE"
  "iptables -P NOSUCH DROP"
  "iptables -N DOCKER"
  "iptables -N LAB-TEST"
  "iptables -X DOCKER"
  "iptables -X NOSUCH"
  "iptables -X DOCKER-USER"
  "iptables -F INPUT"
  "iptables -F DOCKER-USER"
  "iptables -F NOSUCH"
  "iptables -t nat -F POSTROUTING"
  "iptables -Z"
  "iptables -A INPUT -p tcp --dport 70000 -j DROP"
  "iptables -A INPUT -p tcp --dport http -j DROP"
  "iptables -A INPUT -s 300.1.1.1 -j DROP"
  "iptables -A INPUT --dport 80 -j DROP"
  "iptables -A INPUT -p tcp --dport 80"
  "iptables -A INPUT -p sctp -j DROP"
  "iptables -A"
  "iptables -A INPUT"
  "iptables -I INPUT 0 -j DROP"
  "iptables -I INPUT 9 -j DROP"
  "iptables -t foo -A INPUT -j DROP"
  "iptables -t nat -A INPUT -j DROP"
  "iptables -t nat -A PREROUTING -j DNAT"
  "iptables -A INPUT -j DNAT --to-destination 172.17.0.2"
  "iptables -Q"
  "iptables -A INPUT -j DROP extra"
  "iptables -C FORWARD -o docker0 -j DOCKER"
  "iptables -C FORWARD -o docker0 -j ACCEPT"
  "iptables -A DOCKER -j DOCKER"
  "iptables -I DOCKER -j DOCKER"
  "iptables -N LAB-A -N LAB-B"
  "iptables -I INPUT -j DNAT --to-destination 172.17.0.2"
  "iptables -t foo -L"
  "iptables -X INPUT"
  "iptables -A INPUT -s 10.0.0.1/33 -j DROP"
  "iptables -A INPUT -s 172.17.0.5/16 -j DROP"
  "iptables -A INPUT -m conntrack --ctstate NEW,FOO -j DROP"
  "iptables -t nat -A POSTROUTING -j SNAT"
  "iptables -A INPUT -p tcp ! --dport 80 -j DROP"
  "iptables -A INPUT ! -s 192.0.2.1 -j DROP"
  "iptables -A INPUT -j DROP"
  "iptables -A INPUT -j DROP -j ACCEPT"
  "iptables -I DOCKER-USER -j DROP"
  "iptables -A INPUT -p tcp --dport 80 -j DROP"
  "iptables -t nat -P PREROUTING DROP"
  "iptables -D DOCKER-USER -j DROP"
  "iptables -F -t nat"
  "iptables -Z FORWARD"
  "iptables -t raw -A PREROUTING -d 172.17.0.2 -j DROP"
  "iptables -t nat -D DOCKER 1"
  "iptables -N DOCKER-USER"
  "iptables -A FORWARD -i docker0 -o eth0 -j ACCEPT"
  "iptables -A INPUT -m state --state ESTABLISHED -j ACCEPT"
  "iptables -A INPUT -m addrtype --dst-type LOCAL -j ACCEPT"
  "iptables -A INPUT -p udp --dport 53 -m udp -j ACCEPT"
  "iptables -N ABCDEFGHIJKLMNOPQRSTUVWXYZ123"
  "iptables -N ABCDEFGHIJKLMNOPQRSTUVWXYZ12"
  "iptables -N -x"
  "iptables -N ACCEPT"
  "iptables -N ok_chain.1"
  "iptables -N a!b"
)
node - "$NS" "$IN" "$OUT" "${CASES[@]}" <<'JS'
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const [ns, input, out, ...cases] = process.argv.slice(2);
const rules = fs.readFileSync(input, 'utf8');
const inNs = (args, stdin) =>
  spawnSync('ip', ['netns', 'exec', ns, ...args], { input: stdin, encoding: 'utf8', env: { LC_ALL: 'C', PATH: process.env.PATH } });
const clean = (save) => save.split('\n').filter((l) => !l.startsWith('#')).map((l) => l.replace(/\[\d+:\d+\]/, '[0:0]')).join('\n');
const fresh = () => {
  spawnSync('ip', ['netns', 'del', ns]);
  if (spawnSync('ip', ['netns', 'add', ns]).status !== 0) throw new Error(`ip netns add ${ns}`);
};
const result = cases.map((line) => {
  fresh(); // a table one case creates (raw) must not leak into the next
  const restore = inNs(['iptables-restore'], rules);
  if (restore.status !== 0) throw new Error(`iptables-restore: ${restore.stderr}`);
  const before = clean(inNs(['iptables-save']).stdout);
  const r = inNs(line.split(' '));
  const after = clean(inNs(['iptables-save']).stdout);
  return { line, stdout: r.stdout, stderr: r.stderr, exit: r.status, ...(after !== before ? { save: after } : {}) };
});
fs.writeFileSync(out, JSON.stringify({ input, iptables: '1.8.9 (nf_tables)', cases: result }, null, 1) + '\n');
console.log(`record-iptables: ${result.length} cases -> ${out}`);
JS
