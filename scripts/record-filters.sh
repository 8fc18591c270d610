#!/usr/bin/env bash
# Records what the real text filters print over a reference host's `iptables-save` text, for
# src/terminal/filters/text.test.ts: GNU grep/coreutils (the host's) and busybox 1.35 (containers').
# Needs (Debian): grep coreutils busybox. The test does not run this: the JSON is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
IN=src/__fixtures__/host__iptables-save.txt # the reference host's capture (src/__fixtures__/README.md)
OUT=src/__fixtures__/filters.json
CASES=(
  "grep DNAT" "grep -v -e DOCKER -e COMMIT" "grep -c ACCEPT" "grep -n MASQUERADE" "grep -i dnat"
  "grep -E DNAT|MASQ" "grep DNAT\\|MASQ" "grep DNAT|MASQ" "grep -w DOCKER" "grep -x COMMIT"
  "grep -o 172[.0-9/]*" "grep -F [0:0]" "grep -c -o docker0" "grep nothing-here" "grep -q DNAT"
  "head -n 3" "head -2" "tail -n 1" "tail -n +40" "tail -3" "wc -l" "wc" "wc -w" "sort" "sort -r"
  "sort -u" "grep -o [0-9]* | sort -n -u"
)
node - "$IN" "$OUT" "${CASES[@]}" <<'JS'
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const [input, out, ...cases] = process.argv.slice(2);
const text = fs.readFileSync(input, 'utf8');
const run = (prefix, line) => {
  // Each stage's words split on spaces only (the cases hold no quoting), run as a pipeline by sh.
  const stages = line.split(' | ').map((s) => {
    const [cmd, ...args] = s.split(' ');
    return [...prefix, cmd, ...args].map((w) => `'${w.replace(/'/g, "'\\''")}'`).join(' ');
  });
  const r = spawnSync('sh', ['-c', stages.join(' | ')], { input: text, encoding: 'utf8', env: { LC_ALL: 'C', PATH: process.env.PATH } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
};
const result = cases.map((c) => ({ line: c, gnu: run([], c), busybox: run(['busybox'], c) }));
fs.writeFileSync(out, JSON.stringify({ input, cases: result }, null, 1) + '\n');
console.log(`record-filters: ${result.length} cases -> ${out}`);
JS
