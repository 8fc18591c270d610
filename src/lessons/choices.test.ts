// The choices a question offers: every wrong one explained, none repeated across questions with a
// different answer, and shown in an order that gives nothing away (always picking the same letter
// scores what chance scores).
import { describe, expect, it } from 'vitest';
import type { Profile } from '../sim';
import { LESSONS } from './catalogue';
import { resolvePrediction, type ResolvedPrediction } from './resolve';
import { runLesson } from './run';
import { orderChoices } from './shuffle';
import { nextStep, answerPrediction, pendingPrediction, startLesson, stepExplained } from './state';
import type { Lesson, Prediction } from './types';

const PROFILES: readonly Profile[] = ['docker-27', 'docker-29'];
const CJK = /[\u4e00-\u9fff]/;

interface Q {
  readonly lesson: Lesson;
  readonly key: string;
  readonly p: Prediction;
  readonly r: ResolvedPrediction;
}

function questions(profile: Profile): Q[] {
  return LESSONS.filter((l) => !l.profiles || l.profiles.includes(profile)).flatMap((lesson) => {
    const runs = runLesson(lesson, profile);
    const all = [
      ...lesson.steps.flatMap((s, i) =>
        (s.predictions ?? []).map((p) => ({ i, p, key: `${s.id}/${p.id}` })),
      ),
      ...lesson.checks.map((c) => ({
        i: c.step,
        p: c.prediction,
        key: `check/${c.prediction.id}`,
      })),
    ];
    return all.map(({ i, p, key }) => {
      const r = resolvePrediction(p, runs[i]!);
      if (!r.ok) throw new Error(r.error);
      return { lesson, key, p, r: r.value };
    });
  });
}

const BY_PROFILE = PROFILES.map((profile) => [profile, questions(profile)] as const);

describe.each(BY_PROFILE)('the choices on %s', (_, qs) => {
  it('explain every wrong choice on offer, in English and Chinese', () => {
    const missing = qs.flatMap(({ lesson, key, r }) =>
      r.choices
        .filter((c) => c.id !== r.answer)
        .flatMap((c) => {
          const why = r.why[c.id];
          const ok = why && why.en.trim() !== '' && CJK.test(why['zh-CN']);
          return ok ? [] : [`${lesson.id}/${key}: ${c.id}`];
        }),
    );
    expect(missing).toEqual([]);
    expect(qs.every((q) => q.r.choices.length >= 2)).toBe(true);
  });
  it('never ask the same question twice in a lesson with two different answers', () => {
    const clash = LESSONS.flatMap((l) => {
      const mine = qs.filter((q) => q.lesson === l);
      return mine.flatMap((a, i) =>
        mine
          .slice(i + 1)
          .filter((b) => b.r.question.en === a.r.question.en && b.r.answer !== a.r.answer)
          .map((b) => `${l.id}: "${a.r.question.en}" (${a.key}, ${b.key})`),
      );
    });
    expect(clash).toEqual([]);
  });
  it('score no better than chance when always choosing the same letter (200 runs)', () => {
    const SEEDS = 200;
    for (let letter = 0; letter < 4; letter++) {
      // What guessing scores with this letter: 1/n on each question that has a choice there.
      const chance = qs.reduce(
        (n, q) => n + (letter < q.r.choices.length ? 1 / q.r.choices.length : 0),
        0,
      );
      let total = 0;
      for (let seed = 0; seed < SEEDS; seed++) {
        for (const q of qs) {
          const shown = orderChoices(q.r.choices, q.lesson.id, seed, q.key);
          if (shown[letter]?.id === q.r.answer) total++;
        }
      }
      // Within 5 % of the questions of what chance gives (the spread over 200 runs is ~1 %).
      expect(Math.abs(total / SEEDS - chance), `letter ${letter}`).toBeLessThan(0.05 * qs.length);
    }
    // And no single position holds the answer in most runs of any question.
    for (const q of qs) {
      const at = Array.from({ length: SEEDS }, (_, seed) =>
        orderChoices(q.r.choices, q.lesson.id, seed, q.key).findIndex((c) => c.id === q.r.answer),
      );
      const top = Math.max(...[0, 1, 2, 3].map((k) => at.filter((x) => x === k).length));
      expect(top / SEEDS, `${q.lesson.id}/${q.key}`).toBeLessThan(2 / q.r.choices.length);
    }
  });
});

describe('the seeded order', () => {
  const [, qs] = BY_PROFILE[0]!;
  it('is a permutation, the same for the same run, and differs between runs', () => {
    let differs = 0;
    for (const q of qs) {
      const a = orderChoices(q.r.choices, q.lesson.id, 42, q.key);
      expect(a.map((c) => c.id).sort()).toEqual(q.r.choices.map((c) => c.id).sort());
      expect(orderChoices(q.r.choices, q.lesson.id, 42, q.key)).toEqual(a);
      if (orderChoices(q.r.choices, q.lesson.id, 43, q.key).some((c, i) => c.id !== a[i]?.id))
        differs++;
    }
    expect(differs).toBeGreaterThan(qs.length / 3);
  });
});

describe("a step's explanation", () => {
  it('waits until its questions are answered', () => {
    const l = LESSONS.find((x) => x.id === 'inbound')!;
    let s = nextStep(l, startLesson(l, 7));
    const step = l.steps[s.step]!;
    expect(step.explain).toBeDefined();
    const runs = runLesson(l);
    for (let p = pendingPrediction(l, s); p; p = pendingPrediction(l, s)) {
      expect(stepExplained(l, s)).toBe(false);
      const r = resolvePrediction(p, runs[s.step]!);
      if (!r.ok) throw new Error(r.error);
      s = answerPrediction(l, s, p, r.value, r.value.choices[0]!.id).state;
    }
    expect(stepExplained(l, s)).toBe(true);
  });
  it('never repeats the body: every step with questions explains after them', () => {
    const missing = LESSONS.flatMap((l) =>
      l.steps
        .filter((s) => (s.predictions ?? []).length > 0 && !s.explain)
        .map((s) => `${l.id}/${s.id}`),
    );
    expect(missing).toEqual([]);
  });
});
