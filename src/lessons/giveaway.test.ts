// No question is answered before it is asked. For every question of every lesson, in both languages
// and on both profiles, this collects what the student has on screen when it is asked: the lesson
// and step titles, the step's body (its explanation comes only after the answers), the commands
// typed, where to look, the question, the earlier questions of the step with their feedback and
// whys, and the narration of every hop playback has shown so far. None of it may state the answer.
//
// "States the answer" is judged per kind of answer, not by a bare substring: an address counts only
// as a whole token (192.0.2.1 is not in 192.0.2.10; 172.17.0.2 in "172.17.0.2:80" is); a short word
// (lo, NEW, null) only as a word; an interface only with its owner (the host's eth0) or as its own
// name where the name is unique (docker0, vethXXXXXXX) or in a sentence narrated at that node; a
// chain only with its table; a fixed choice by its label and the words that say it (floods, up to the
// host, conntrack restores…). Both languages have their own words.
import { beforeAll, describe, expect, it } from 'vitest';
import { focusName } from '../components/Lesson/focusBoxes';
import { loadCatalogue } from '../i18n';
import type { Lang } from '../i18n/locale';
import { narrate, placeName } from '../i18n/narrate';
import type { Profile } from '../sim';
import type { Hop, PacketTrace } from '../sim/trace';
import { LESSONS } from './catalogue';
import { setupLine } from './commands';
import { parseFocus } from './focus';
import { nodeLabel } from './labels';
import { resolvePrediction, type ResolvedPrediction } from './resolve';
import { runLesson, type StepRun } from './run';
import type { HopRef } from './selector';
import type { Ask, Lesson, Prediction } from './types';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A whole token: not part of a longer name, address or number. */
const token = (s: string, flags = '') =>
  new RegExp(`(?<![A-Za-z0-9_.:/-])${esc(s)}(?![A-Za-z0-9_-]|\\.\\d)`, flags);
const norm = (s: string) => s.replace(/[`"“”]/g, '').replace(/\s+/g, ' ');

interface Tells {
  /** Patterns that give the answer away anywhere on screen. */
  readonly anywhere: readonly RegExp[];
  /** Patterns that give it away in a sentence narrated at this node (an interface named there). */
  readonly atNode?: { readonly node: string; readonly iface: string; readonly re: RegExp };
  /** A chain named in a netfilter sentence of this table. */
  readonly inTable?: { readonly table: string; readonly re: RegExp };
}

const WORDS: { readonly [id: string]: readonly RegExp[] } = {
  'bridge-flood': [/flood/i, /泛洪/],
  'bridge-forward': [/switch(es|ed)? (it|the frame)/i, /交换(到|过去)/],
  'bridge-local': [/(passes|hands) (it|the frame) up/i, /上交/],
  conntrack: [
    /conntrack (itself )?(rewrites|restores|puts back|undoes|translates)/i,
    /by conntrack/i,
    /conntrack.{0,4}(改写|恢复|换回|撤销|亲自)/,
  ],
  rule: [/(the|a) (DNAT|NAT|MASQUERADE) rule (rewrites|translates)/i, /规则.{0,4}改写/],
  yes: [
    /\b(is delivered|reaches the (client|server)|accepts it|gets through)\b/i,
    /送达|会接收|能到达(?![^。？]*吗)/,
  ],
  no: [
    /\b(dropped|drops|refused?|fails?|unreachable|never (leaves|arrives|reaches)|nowhere to go)\b/i,
    /丢弃|拒绝|失败|不可达|无路可走|出不去/,
  ],
  ok: [/just works|starts normally/i, /顺利/],
  warning: [/\bwarn(s|ing)?\b/i, /警告/],
  error: [/\brefuses?\b|\berror\b/i, /报错|拒绝/],
  ESTABLISHED: [/established/i, /已建立/],
  NEW: [/(?<![A-Za-z])NEW(?![A-Za-z])/, /\bnew connection/i, /新连接/],
  lo: [token('lo'), /loopback/i, /环回/],
  'lo + eth0': [/\blo\s*(\+|and|,|、|和|与)\s*eth0/i],
  'host-stack': [
    /host's (own )?(network )?(namespace|stack)/i,
    /shares the host/i,
    /宿主机(自己)?的(网络命名空间|协议栈)/,
    /共用/,
  ],
  nothing: [/no interface at all/i, /一个接口都没有/],
  'host-then-moved': [/created in the host|moved into/i, /在宿主机上创建|移进/],
  null: [token('null', 'i')],
  sysctl: [/sysctl|host-wide/i, /全局/],
};

function tellsOf(ask: Ask, r: ResolvedPrediction, packets: readonly PacketTrace[]): Tells {
  const answer = r.choices.find((c) => c.id === r.answer);
  const labels = answer ? [answer.label.en, answer.label['zh-CN']] : [];
  const byLabel = labels.filter((l) => l.length >= 3).map((l) => new RegExp(esc(norm(l)), 'i'));
  const id = r.answer;
  switch (ask.kind) {
    case 'dst-after':
    case 'src-after':
    case 'gateway':
      return { anywhere: [token(id)] };
    case 'next-iface': {
      const cut = id.lastIndexOf('/');
      const node = id.slice(0, cut);
      const iface = id.slice(cut + 1);
      const owner = nodeLabel(node);
      const unique = !packets.some((p) => p.hops.some((h) => h.iface === iface && h.node !== node));
      return {
        anywhere: [
          ...byLabel,
          new RegExp(`${esc(owner.en)}'s ${esc(iface)}\\b`, 'i'),
          new RegExp(`${esc(owner['zh-CN'])}的\\s*${esc(iface)}`),
          ...(unique ? [token(iface)] : []),
        ],
        atNode: { node, iface, re: token(iface) },
      };
    }
    case 'next-node': {
      const names = [...labels, placeName(id, 'en'), placeName(id, 'zh-CN')].map(esc).join('|');
      return {
        anywhere: [
          new RegExp(`(${names}) (drops|delivers|receives|answers|refuses|gets)`, 'i'),
          new RegExp(`(dropped|delivered|received|ends?) (at|by|in|to) (${names})`, 'i'),
          new RegExp(`(${names})\\s*(丢弃|收到|拒绝)`),
          new RegExp(`(在|被)(${names})处?(丢弃|收到|接收|拒绝)`),
          new RegExp(`交付给(${names})`),
        ],
      };
    }
    case 'deciding-chain': {
      const [table = '', chain = ''] = id.split('/');
      return {
        anywhere: [
          ...byLabel,
          new RegExp(`${table}/${esc(chain)}(?![A-Z-])`),
          new RegExp(`${table} ${esc(chain)}(?![A-Z-])`),
          new RegExp(`${table} 表的 ${esc(chain)}(?![A-Z-])`),
        ],
        inTable: { table, re: new RegExp(`(?<![A-Z-])${esc(chain)}(?![A-Z-])`) },
      };
    }
    default:
      return { anywhere: [...byLabel, ...(WORDS[id] ?? [token(id)])] };
  }
}

const fill = (t: string, r: ResolvedPrediction, lang: Lang) =>
  t
    .replace(/\{answer\}/g, r.choices.find((c) => c.id === r.answer)?.label[lang] ?? r.answer)
    .replace(/\{detail\}/g, r.detail ?? '');

/**
 * What an answered question leaves on screen: itself, its feedback, its whys. (Its choice labels are
 * options, not statements: offered again, they say nothing of a new answer.)
 */
const answered = (p: Prediction, r: ResolvedPrediction, lang: Lang): string[] => [
  r.question[lang],

  fill(p.right[lang], r, lang),
  fill(p.wrong[lang], r, lang),
  ...Object.values(r.why).map((w) => w[lang]),
];

const flat = (packets: readonly PacketTrace[]): Hop[] => packets.flatMap((p) => p.hops);
const indexOf = (packets: readonly PacketTrace[], ref: HopRef) =>
  packets.slice(0, ref.packet).reduce((n, p) => n + p.hops.length, 0) + ref.hop;

interface Asked {
  readonly where: string;
  readonly text: readonly string[];
  /** Hops whose narration was on screen. */
  readonly hops: readonly Hop[];
  readonly tells: Tells;
  readonly answer: string;
}

function resolved(p: Prediction, run: StepRun): ResolvedPrediction {
  const r = resolvePrediction(p, run);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function everyAsk(l: Lesson, profile: Profile, lang: Lang): Asked[] {
  const runs = runLesson(l, profile);
  const out: Asked[] = [];
  l.steps.forEach((step, i) => {
    const run = runs[i]!;
    const packets = run.sim?.packets ?? [];
    const target = step.focus ? parseFocus(step.focus) : null;
    const screen = [
      l.title[lang],
      step.title[lang],
      step.body[lang],
      ...step.setup.map(setupLine),
      ...(target ? [focusName(target, lang)] : []),
      ...(step.explore ?? []),
    ];
    let shown = packets.length > 0 ? 0 : -1;
    const before: string[] = [];
    for (const p of step.predictions ?? []) {
      const r = resolved(p, run);
      const stop = r.askAt ? indexOf(packets, r.askAt) : Math.max(shown, 0);
      const upTo = Math.max(shown, packets.length > 0 ? stop : -1);
      out.push({
        where: `${l.id}/${step.id}/${p.id} (${profile}, ${lang})`,
        text: [...screen, ...before, r.question[lang]],
        hops: flat(packets).slice(0, upTo + 1),
        tells: tellsOf(p.ask, r, packets),
        answer: r.answer,
      });
      before.push(...answered(p, r, lang));
      if (r.at) shown = Math.max(shown, indexOf(packets, r.at));
    }
  });
  const checksBefore: string[] = [];
  for (const c of l.checks) {
    const run = runs[c.step]!;
    const r = resolved(c.prediction, run);
    out.push({
      where: `${l.id}/check/${c.prediction.id} (${profile}, ${lang})`,
      text: [l.title[lang], ...checksBefore, r.question[lang]],
      hops: [],
      tells: tellsOf(c.prediction.ask, r, run.sim?.packets ?? []),
      answer: r.answer,
    });
    checksBefore.push(...answered(c.prediction, r, lang));
  }
  return out;
}

function giveaways(a: Asked, lang: Lang): string[] {
  const out: string[] = [];
  for (const raw of a.text) {
    const text = norm(raw);
    for (const re of a.tells.anywhere) if (re.test(text)) out.push(`${re} in "${text}"`);
  }
  for (const hop of a.hops) {
    const text = norm(narrate(hop.why, lang, hop.node));
    for (const re of a.tells.anywhere) if (re.test(text)) out.push(`${re} in narration "${text}"`);
    const on = a.tells.atNode;
    const here =
      on && hop.node === on.node && (hop.iface === on.iface || hop.why.params['dev'] === on.iface);
    if (on && here && on.re.test(text))
      out.push(`${on.re} narrated at ${hop.node}/${hop.iface ?? ''}: "${text}"`);
    if (a.tells.inTable && hop.nf?.table === a.tells.inTable.table && a.tells.inTable.re.test(text))
      out.push(`${a.tells.inTable.re} in a ${hop.nf.table} sentence: "${text}"`);
  }
  return out.map((s) => `${a.where} [${a.answer}]: ${s}`);
}

const PROFILES: readonly Profile[] = ['docker-27', 'docker-29'];
const LANGS: readonly Lang[] = ['en', 'zh-CN'];

describe('no question is answered before it is asked', () => {
  beforeAll(() => loadCatalogue('zh-CN'));
  it.each(LANGS.flatMap((lang) => PROFILES.map((profile) => [lang, profile] as const)))(
    'in %s on %s',
    (lang, profile) => {
      const asks = LESSONS.filter((l) => !l.profiles || l.profiles.includes(profile)).flatMap((l) =>
        everyAsk(l, profile, lang),
      );
      expect(asks.length).toBeGreaterThan(30);
      expect(asks.flatMap((a) => giveaways(a, lang))).toEqual([]);
    },
  );
  it('catches a give-away: the old lesson 4 text before "what is the source after MASQUERADE?"', () => {
    const r = { answer: '192.0.2.10', choices: [], why: {} } as unknown as ResolvedPrediction;
    const tells = tellsOf({ kind: 'src-after', hop: { match: {} } }, r, []);
    const old =
      "Docker's rule replaces the private source with eth0's address, 192.0.2.10; conntrack records it.";
    expect(tells.anywhere.some((re) => re.test(old))).toBe(true);
    expect(tells.anywhere.some((re) => re.test('via 192.0.2.1 out of eth0'))).toBe(false);
  });
});
