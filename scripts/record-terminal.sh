#!/usr/bin/env bash
# Records the terminal corpus: what the real tools (iproute2, iptables 1.8.9 nf_tables, conntrack,
# net-tools, bridge-utils, busybox) print for every case of scripts/terminal-cases.ts on the lab's
# reference host rebuilt in network namespaces, into src/__fixtures__/terminal-corpus.json (its
# README says how). Needs root and (Debian) iproute2 iptables conntrack net-tools bridge-utils
# busybox python3. Only namespaces named dnl-<pid>-* that it creates are touched; they are deleted
# on every exit (scripts/record-terminal.ts). The test does not run this: the JSON is committed.
# With arguments (`'host: ss -tlnp' …`), only those cases are recorded again; the others are kept.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in ip iptables iptables-restore conntrack ifconfig route arp netstat ss brctl bridge busybox python3; do
  command -v "$tool" >/dev/null || { echo "record-terminal: $tool is missing (apt-get install it)" >&2; exit 1; }
done
exec npx tsx scripts/record-terminal.ts "$@"
