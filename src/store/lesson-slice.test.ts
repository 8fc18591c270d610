import { describe, expect, it } from 'vitest';
import { LESSONS, findLesson, runCompare, runLessonStep, score } from '../lessons';
import type { PacketTrace } from '../sim/trace';
import { createAppStore, type AppStore } from './index';
import { hopIndex, pendingQuestion } from './lesson-run';

/** A trace without the clock (typed commands take a simulated second each; conntrack expiry moves). */
const shape = (packets: readonly PacketTrace[]) =>
  packets.map((p) => ({
    outcome: p.outcome,
    hops: p.hops.map((h) => [
      h.node,
      h.iface,
      h.event,
      h.why.key,
      h.frame,
      h.changed,
      h.nf?.target,
    ]),
  }));

/** Steps forward like the playback hook does, at most n beats. */
function play(store: AppStore, beats = 400) {
  for (let i = 0; i < beats && store.getState().playing; i++) store.getState().stepForward();
}

const wrongChoice = (store: AppStore) => {
  const q = pendingQuestion(store.getState());
  return q?.resolved.choices.find((c) => c.id !== q.resolved.answer)?.id ?? '';
};

describe('lesson slice', () => {
  it('starts a lesson in the panel and an unknown id changes nothing', () => {
    const store = createAppStore();
    expect(store.getState().beginLesson('no-such-lesson')).toBe(false);
    expect(store.getState().lesson).toBeNull();
    expect(store.getState().beginLesson('modes')).toBe(true);
    expect(store.getState().lessonView).toBe('lesson');
    expect(store.getState().lesson).toMatchObject({ lessonId: 'modes', step: 0, phase: 'steps' });
  });

  it("types each step's setup commands into the terminal", () => {
    const store = createAppStore();
    store.getState().beginLesson('inbound');
    const typed = store
      .getState()
      .transcript.flatMap((l) => (l.kind === 'prompt' ? [l.command] : []));
    expect(typed).toEqual([
      'docker run -d --name c1 -p 8080:80 nginx',
      'docker run -d -it --name c2 busybox',
    ]);
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))(
    '%s: every step on the store shows the same trace as the engine run it is graded against',
    (_, lesson) => {
      const store = createAppStore();
      store.getState().beginLesson(lesson.id);
      const profile = store.getState().world.profile;
      lesson.steps.forEach((step, i) => {
        expect(store.getState().lesson?.step).toBe(i);
        const run = runLessonStep(lesson, i, profile);
        expect(store.getState().world.containers.map((c) => c.name)).toEqual(
          run.world.containers.map((c) => c.name),
        );
        if (step.flow)
          expect(shape(store.getState().packets)).toEqual(shape(run.sim?.packets ?? []));
        store.getState().nextLessonStep();
      });
    },
  );

  it('pauses playback at the hop before the answer, and Step forward cannot pass it', () => {
    const store = createAppStore();
    store.getState().beginLesson('inbound');
    store.getState().nextLessonStep();
    expect(store.getState().playing).toBe(true);
    play(store);
    const q = pendingQuestion(store.getState());
    expect(q?.prediction.id).toBe('dnat-dst');
    const askAt = q?.resolved.askAt ? hopIndex(store.getState().packets, q.resolved.askAt) : -1;
    expect(store.getState().cursor).toBe(askAt);
    expect(store.getState().playing).toBe(false);
    store.getState().stepForward();
    store.getState().seek(1000);
    expect(store.getState().cursor).toBe(askAt);
  });

  it('a wrong answer gets the engine’s answer as feedback, then playback reveals the hop', () => {
    const store = createAppStore();
    store.getState().beginLesson('inbound');
    store.getState().nextLessonStep();
    play(store);
    const q = pendingQuestion(store.getState());
    const fb = store.getState().answerLessonQuestion(wrongChoice(store));
    expect(fb?.correct).toBe(false);
    expect(fb?.text.en).toContain('172.17.0.2:80');
    expect(store.getState().lessonAnswered?.choice).not.toBe(q?.resolved.answer);
    expect(store.getState().playing).toBe(true);
    play(store);
    const at = q?.resolved.at ? hopIndex(store.getState().packets, q.resolved.at) : -1;
    expect(store.getState().cursor).toBe(at);
    expect(store.getState().packets[0]?.hops[q?.resolved.at?.hop ?? 0]?.event).toBe('nat');
    store.getState().continueLesson();
    expect(store.getState().lessonAnswered).toBeNull();
    play(store);
    expect(pendingQuestion(store.getState())?.prediction.id).toBe('forward-accept');
    const right = pendingQuestion(store.getState())?.resolved.answer ?? '';
    expect(store.getState().answerLessonQuestion(right)?.correct).toBe(true);
  });

  it('a question about the world holds the packet at its first hop until answered', () => {
    const store = createAppStore();
    store.getState().beginLesson('modes');
    store.getState().nextLessonStep();
    expect(pendingQuestion(store.getState())?.prediction.id).toBe('iso-ifaces');
    expect(store.getState().playing).toBe(false);
    store.getState().togglePlay();
    expect(store.getState().playing).toBe(false);
    expect(store.getState().cursor).toBe(0);
  });

  it('a revealed question counts as shown but not as answered', () => {
    const store = createAppStore();
    store.getState().beginLesson('modes');
    store.getState().nextLessonStep();
    store.getState().revealLessonQuestion();
    expect(store.getState().lessonAnswered?.choice).toBeNull();
    expect(store.getState().lesson?.revealed).toEqual(['none/iso-ifaces']);
    expect(score(store.getState().lesson!)).toEqual({ correct: 0, answered: 0 });
  });

  it('ends with the checks and a score over every answer', () => {
    const store = createAppStore();
    const lesson = findLesson('modes')!;
    store.getState().beginLesson('modes');
    for (let i = 0; i < lesson.steps.length; i++) store.getState().nextLessonStep();
    expect(store.getState().lesson?.phase).toBe('check');
    const first = pendingQuestion(store.getState());
    expect(first?.kind).toBe('check');
    store.getState().answerLessonQuestion(wrongChoice(store));
    store.getState().continueLesson();
    while (pendingQuestion(store.getState())) {
      store.getState().answerLessonQuestion(pendingQuestion(store.getState())!.resolved.answer);
      store.getState().continueLesson();
    }
    expect(score(store.getState().lesson!)).toEqual({
      correct: lesson.checks.length - 1,
      answered: lesson.checks.length,
    });
    store.getState().nextLessonStep();
    expect(store.getState().lesson?.phase).toBe('done');
  });

  it('Previous rebuilds the earlier step from a fresh host', () => {
    const store = createAppStore();
    store.getState().beginLesson('modes');
    store.getState().nextLessonStep();
    store.getState().nextLessonStep();
    store.getState().runCommand('docker run -d --name stray nginx');
    store.getState().prevLessonStep();
    expect(store.getState().world.containers.map((c) => c.name)).toEqual(['iso']);
  });

  it('opens a compare lane on the main diagram with the same result as compare mode', () => {
    const lanes = runCompare();
    for (const lane of lanes) {
      const store = createAppStore();
      store.getState().openCompareLane(lane.mode);
      expect(store.getState().result).toEqual(lane.runs[0]?.result);
      expect(store.getState().transcript[0]).toMatchObject({ kind: 'prompt' });
    }
  });
});
