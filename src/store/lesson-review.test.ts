// The lesson run's seed (the order of its choices, kept in a shared link) and the score page's review
// (a missed question replays its step and stops on the hop that answers it).
import { describe, expect, it } from 'vitest';
import { findLesson, predictionKey } from '../lessons';
import { decodeFile, encodeFile } from '../share';
import { labOf } from './persist';
import { lessonOf } from '../components/Share/extras';
import { createAppStore, type AppStore } from './index';
import { hopIndex, pendingQuestion, questionByKey } from './lesson-run';

function play(store: AppStore, beats = 400) {
  for (let i = 0; i < beats && store.getState().playing; i++) store.getState().stepForward();
}

const order = (store: AppStore) =>
  pendingQuestion(store.getState())?.resolved.choices.map((c) => c.id);

describe('the run seed', () => {
  it('orders the same lesson the same way for the same seed, differently for others', () => {
    const a = createAppStore();
    const b = createAppStore();
    a.getState().beginLesson('veth', 1);
    b.getState().beginLesson('veth', 1);
    expect(order(a)).toEqual(order(b));
    const orders = new Set(
      [2, 3, 4, 5, 6, 7].map((seed) => {
        const s = createAppStore();
        s.getState().beginLesson('veth', seed);
        return JSON.stringify(order(s));
      }),
    );
    expect(orders.size).toBeGreaterThan(1);
  });
  it('travels in a shared link and comes back with the lesson', () => {
    const store = createAppStore();
    store.getState().beginLesson('inbound', 12345);
    const doc = labOf(store, { lesson: () => lessonOf(store) });
    expect(doc.lesson).toEqual({ id: 'inbound', step: 0, seed: 12345 });
    const back = decodeFile(encodeFile(doc));
    expect(back.ok && back.value.lesson).toEqual({ id: 'inbound', step: 0, seed: 12345 });
    const other = createAppStore();
    other.getState().resumeLesson('inbound', 0, 12345);
    expect(other.getState().lesson?.seed).toBe(12345);
  });
});

describe('the review of a miss', () => {
  it('replays the step of the missed question and stops on the hop that answers it', () => {
    const store = createAppStore();
    store.getState().beginLesson('inbound', 3);
    store.getState().nextLessonStep();
    play(store);
    const q = pendingQuestion(store.getState());
    expect(q?.prediction.id).toBe('dnat-dst');
    const wrong = q!.resolved.choices.find((c) => c.id !== q!.resolved.answer)!.id;
    store.getState().answerLessonQuestion(wrong);
    // Off to another step, then to the score page.
    store.getState().nextLessonStep();
    store.getState().nextLessonStep();
    store.getState().nextLessonStep();
    expect(store.getState().lesson?.phase).toBe('done');
    const key = predictionKey('dnat', 'dnat-dst');
    const lesson = findLesson('inbound')!;
    const asked = questionByKey(lesson, key, 'docker-27')!;
    store.getState().showLessonAnswer(key);
    const s = store.getState();
    expect(s.cursor).toBe(hopIndex(s.packets, asked.resolved.at!));
    const hop = s.packets[asked.resolved.at!.packet]!.hops[asked.resolved.at!.hop]!;
    expect(hop.event).toBe('nat');
    expect(hop.frame.ip?.dst).toBe('172.17.0.2');
    expect(s.playing).toBe(false);
  });
});
