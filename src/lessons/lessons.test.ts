import { describe, expect, it } from 'vitest';
import type { Profile } from '../sim';
import { LESSONS, findLesson } from './catalogue';
import { focusExists, parseFocus } from './focus';
import { MAX_CHOICES, resolvePrediction } from './resolve';
import { runLesson, runLessonStep } from './run';
import { hopAt } from './selector';
import type { Lesson, Prediction, Text } from './types';

const PROFILES: readonly Profile[] = ['docker-27', 'docker-29'];
const CJK = /[\u4e00-\u9fff]/;
const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function everyQuestion(l: Lesson): { step: number; p: Prediction }[] {
  return [
    ...l.steps.flatMap((s, step) => (s.predictions ?? []).map((p) => ({ step, p }))),
    ...l.checks.map((c) => ({ step: c.step, p: c.prediction })),
  ];
}

function answerOf(lessonId: string, predictionId: string, profile: Profile = 'docker-27') {
  const l = findLesson(lessonId);
  if (!l) throw new Error(lessonId);
  const q = everyQuestion(l).find((x) => x.p.id === predictionId);
  if (!q) throw new Error(predictionId);
  const r = resolvePrediction(q.p, runLessonStep(l, q.step, profile));
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe.each(PROFILES)('every lesson against the engine (%s)', (profile) => {
  const lessons = LESSONS.filter((l) => !l.profiles || l.profiles.includes(profile));
  it.each(lessons.map((l) => [l.id, l] as const))(
    '%s resolves every prediction and check',
    (_, l) => {
      const runs = runLesson(l, profile);
      for (const { step, p } of everyQuestion(l)) {
        const run = runs[step];
        expect(run, `${l.id}: check refers to step ${step}`).toBeDefined();
        if (!run) continue;
        const r = resolvePrediction(p, run);
        expect(r.ok ? 'ok' : r.error).toBe('ok');
        if (!r.ok) continue;
        const ids = r.value.choices.map((c) => c.id);
        expect(ids, p.id).toContain(r.value.answer);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBeGreaterThanOrEqual(2);
        expect(ids.length).toBeLessThanOrEqual(MAX_CHOICES);
        if (r.value.at) expect(hopAt(run.sim?.packets ?? [], r.value.at)).toBeDefined();
      }
    },
  );
  it.each(lessons.map((l) => [l.id, l] as const))('%s focuses on things that exist', (_, l) => {
    const runs = runLesson(l, profile);
    l.steps.forEach((s, i) => {
      const target = parseFocus(s.focus ?? '');
      expect(target, `${l.id}/${s.id}: ${s.focus}`).not.toBeNull();
      if (target && runs[i]) expect(focusExists(runs[i].world, target), s.focus).toBe(true);
    });
  });
});

describe('lesson text', () => {
  const texts: [string, Text][] = LESSONS.flatMap((l) => [
    [`${l.id}.title`, l.title] as [string, Text],
    [`${l.id}.summary`, l.summary] as [string, Text],
    ...l.steps.flatMap((s) => [
      [`${l.id}/${s.id}.title`, s.title] as [string, Text],
      [`${l.id}/${s.id}.body`, s.body] as [string, Text],
    ]),
    ...everyQuestion(l).flatMap(({ p }) =>
      [p.right, p.wrong, p.question].flatMap((t, i) =>
        t ? [[`${l.id}/${p.id}.${i}`, t] as [string, Text]] : [],
      ),
    ),
  ]);
  it.each(texts)('%s exists in English and Chinese with the same placeholders', (_, t) => {
    expect(t.en.trim()).not.toBe('');
    expect(t['zh-CN'].trim()).not.toBe('');
    expect(holes(t['zh-CN'])).toEqual(holes(t.en));
    if (/[a-z]{4,} [a-z]{4,}/i.test(t.en)) expect(t['zh-CN']).toMatch(CJK);
    expect(t.en).not.toMatch(CJK);
  });
  it('gives every lesson a unique id and unique prediction ids', () => {
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const l of LESSONS) {
      const ids = everyQuestion(l).map((q) => q.p.id);
      expect(new Set(ids).size, l.id).toBe(ids.length);
    }
  });
  it('ends each of the four article lessons with a 2–3 question check', () => {
    for (const l of LESSONS.filter((x) => x.kind === 'lesson')) {
      expect(l.checks.length).toBeGreaterThanOrEqual(2);
      expect(l.checks.length).toBeLessThanOrEqual(3);
    }
  });
});

describe('facts the engine gives the lessons', () => {
  it('lesson 3: DNAT in PREROUTING rewrites the destination to 172.17.0.2:80', () => {
    expect(answerOf('inbound', 'dnat-dst').answer).toBe('172.17.0.2:80');
    expect(answerOf('inbound', 'dnat-dst', 'docker-29').answer).toBe('172.17.0.2:80');
  });
  it('lesson 3: the reply is un-DNATed by conntrack, back to the address the client used', () => {
    expect(answerOf('inbound', 'reply-by').answer).toBe('conntrack');
    expect(answerOf('inbound', 'reply-src').answer).toBe('192.0.2.10');
    expect(answerOf('inbound', 'ack-by').answer).toBe('conntrack');
  });
  it('lesson 3: filter DOCKER (reached from FORWARD) accepts the forwarded SYN', () => {
    expect(answerOf('inbound', 'forward-accept').answer).toBe('filter/DOCKER');
  });
  it('lesson 4: MASQUERADE gives the source eth0 address 192.0.2.10, and conntrack undoes it', () => {
    expect(answerOf('outbound', 'masq-src').answer).toBe('192.0.2.10');
    expect(answerOf('outbound', 'reply-by').answer).toBe('conntrack');
    expect(answerOf('outbound', 'reply-dst').answer).toMatch(/^172\.17\.0\.2:\d+$/);
  });
  it('lesson 4: docker0 hands the SYN up to the host, which routes it out of eth0', () => {
    expect(answerOf('outbound', 'bridge-up').answer).toBe('bridge-local');
    expect(answerOf('outbound', 'out-iface').answer).toBe('host/eth0');
  });
  it("lesson 4: the reply is accepted by FORWARD's RELATED,ESTABLISHED rule (DOCKER-CT on current)", () => {
    expect(answerOf('outbound', 'reply-chain').answer).toBe('filter/FORWARD');
    expect(answerOf('outbound', 'reply-chain', 'docker-29').answer).toBe('filter/DOCKER-CT');
  });
  it('lesson 2: an ARP broadcast is flooded, c2 → c1 is switched, and nothing rewrites it', () => {
    expect(answerOf('veth', 'arp-flood').answer).toBe('bridge-flood');
    expect(answerOf('veth', 'syn-switched').answer).toBe('bridge-forward');
    expect(answerOf('veth', 'dst-unchanged').answer).toBe('172.17.0.2:80');
    expect(answerOf('veth', 'echo-switched').answer).toBe('bridge-forward');
  });
  it('lesson 1: none has only lo, host discards -p with a warning, bridge routes via docker0', () => {
    expect(answerOf('modes', 'iso-ifaces').answer).toBe('lo');
    const hostP = answerOf('modes', 'host-p');
    expect(hostP.answer).toBe('warning');
    expect(hostP.detail).toContain('Published ports are discarded when using host network mode');
    expect(answerOf('modes', 'web-gw').answer).toBe('172.17.0.1');
    expect(answerOf('modes', 'who-delivers').answer).toBe('host');
  });
  it("failure labs: the clash is refused with Docker's error; drops name their chain", () => {
    expect(answerOf('lab-port-clash', 'clash-result').detail).toContain(
      'port is already allocated',
    );
    expect(answerOf('lab-ip-forward', 'fwd-off').answer).toBe('host');
    expect(answerOf('lab-icc', 'icc-chain').answer).toBe('filter/FORWARD');
    expect(answerOf('lab-isolated', 'isolation-chain').answer).toBe(
      'filter/DOCKER-ISOLATION-STAGE-2',
    );
    expect(answerOf('lab-isolated', 'isolation-chain', 'docker-29').answer).toBe('raw/PREROUTING');
    expect(answerOf('lab-direct', 'raw-chain', 'docker-29').answer).toBe('raw/PREROUTING');
  });
});

describe('the Chinese words for -p', () => {
  it('gives the usual term 端口映射 beside 发布端口 where publishing is taught', async () => {
    const l = findLesson('inbound')!;
    expect(l.title['zh-CN']).toMatch(/发布端口.*端口映射/);
    expect(l.steps[0]!.body['zh-CN']).toMatch(/发布端口.*端口映射/);
    const { zhCNUi } = await import('../i18n/zh-CN-ui');
    expect(zhCNUi['form.publish']).toMatch(/发布端口.*端口映射/);
  });
});

describe('the broken items a student found', () => {
  it('calls 192.0.2.1 the router, not the host, when it is chosen as a gateway', () => {
    for (const [lesson, id] of [
      ['modes', 'web-gw'],
      ['outbound', 'c1-gw'],
    ] as const) {
      const why = answerOf(lesson, id).why['192.0.2.1'];
      expect(why?.en).toMatch(/router/);
      expect(why?.en).not.toMatch(/host's eth0/);
      expect(why?.['zh-CN']).toMatch(/路由器/);
    }
  });
  it('names the container in both interface questions of lesson 1, and the packet in conntrack questions', () => {
    expect(answerOf('modes', 'iso-ifaces').question.en).toContain('iso');
    expect(answerOf('modes', 'bridge-ifaces').question.en).toContain('web');
    expect(answerOf('inbound', 'reply-state').question.en).toMatch(/SYN-ACK/);
    expect(answerOf('inbound', 'reply-state').question['zh-CN']).toMatch(/SYN-ACK/);
  });
  it('asks the Chinese SYN-ACK check as a question of its own, not "那么…呢？"', () => {
    const q = answerOf('veth', 'reply-switched').question['zh-CN'];
    expect(q).not.toMatch(/^那么|呢？$/);
    expect(q).toContain('SYN-ACK');
  });
});
