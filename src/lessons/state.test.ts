import { describe, expect, it } from 'vitest';
import { findLesson } from './catalogue';
import { runCompare } from './compare';
import { resolvePrediction } from './resolve';
import { runLessonStep } from './run';
import { selectHop } from './selector';
import {
  answerCheck,
  answerPrediction,
  goToStep,
  nextStep,
  pendingPrediction,
  prevStep,
  revealPrediction,
  score,
  startLesson,
} from './state';

const inbound = findLesson('inbound')!;

describe('the lesson player', () => {
  it('walks the steps, then the check, then ends; prev goes back from the check to the last step', () => {
    let s = startLesson(inbound);
    expect([s.step, s.phase]).toEqual([0, 'steps']);
    s = nextStep(inbound, s);
    s = nextStep(inbound, s);
    expect(s.step).toBe(2);
    s = nextStep(inbound, s);
    expect(s.phase).toBe('check');
    expect(prevStep(inbound, s)).toMatchObject({ phase: 'steps', step: 2 });
    s = nextStep(inbound, s);
    expect(s.phase).toBe('done');
    expect(nextStep(inbound, s)).toBe(s);
    expect(prevStep(inbound, startLesson(inbound)).step).toBe(0);
  });

  it('clamps a jump from a shared link to the lesson', () => {
    const s = startLesson(inbound);
    expect(goToStep(inbound, s, 99).step).toBe(2);
    expect(goToStep(inbound, s, -3).step).toBe(0);
  });

  it('asks predictions in order, gives feedback with the engine answer, then moves on', () => {
    let s = goToStep(inbound, startLesson(inbound), 1);
    const p = pendingPrediction(inbound, s);
    expect(p?.id).toBe('dnat-dst');
    if (!p) return;
    const r = resolvePrediction(p, runLessonStep(inbound, 1));
    if (!r.ok) throw new Error(r.error);
    const wrong = answerPrediction(inbound, s, p, r.value, '192.0.2.10:8080');
    expect(wrong.feedback.correct).toBe(false);
    expect(wrong.feedback.text.en).toContain('172.17.0.2:80');
    expect(wrong.feedback.text['zh-CN']).toContain('172.17.0.2:80');
    const right = answerPrediction(inbound, s, p, r.value, '172.17.0.2:80');
    expect(right.feedback.correct).toBe(true);
    s = right.state;
    expect(pendingPrediction(inbound, s)?.id).toBe('forward-accept');
    const next = pendingPrediction(inbound, s);
    if (next) s = revealPrediction(inbound, s, next);
    expect(pendingPrediction(inbound, s)).toBeNull();
    expect(score(s)).toEqual({ correct: 1, answered: 1 });
  });

  it('scores the check separately from the predictions', () => {
    const c = inbound.checks[0]!;
    const r = resolvePrediction(c.prediction, runLessonStep(inbound, c.step));
    if (!r.ok) throw new Error(r.error);
    const { state } = answerCheck(startLesson(inbound), c.prediction, r.value, r.value.answer);
    expect(state.answers['check/' + c.prediction.id]).toEqual({
      choice: r.value.answer,
      correct: true,
    });
  });

  it("fills {detail} with Docker's own words", () => {
    const lab = findLesson('lab-port-clash')!;
    const s = startLesson(lab);
    const p = pendingPrediction(lab, s)!;
    const r = resolvePrediction(p, runLessonStep(lab, 0));
    if (!r.ok) throw new Error(r.error);
    const f = answerPrediction(lab, s, p, r.value, 'ok').feedback;
    expect(f.text.en).toContain('Bind for 0.0.0.0:8080 failed: port is already allocated');
  });
});

describe('hop selectors', () => {
  const run = runLessonStep(inbound, 1);
  const packets = run.sim?.packets ?? [];
  it('find the first NAT hop, the next hop after it, and the cursor-relative next tx', () => {
    const nat = selectHop(packets, { match: { event: 'nat' } });
    expect(nat).not.toBeNull();
    const after = selectHop(packets, {
      after: { match: { event: 'nat' } },
      match: { event: 'route' },
    });
    expect(after!.hop).toBeGreaterThan(nat!.hop);
    const tx = selectHop(packets, { after: 'cursor', match: { event: 'tx', ip: true } }, nat!);
    expect(packets[0]!.hops[tx!.hop]!.iface).toBe('docker0');
  });
  it('return null for a hop the trace does not have', () => {
    expect(selectHop(packets, { match: { event: 'proxy' } })).toBeNull();
    expect(selectHop(packets, { packet: 99, match: {} })).toBeNull();
    expect(selectHop(packets, { after: 'cursor', match: {} })).toBeNull();
  });
});

describe('compare mode', () => {
  it.each(['docker-27', 'docker-29'] as const)(
    'shows the same two requests end differently per mode (%s)',
    (profile) => {
      const lanes = Object.fromEntries(
        runCompare(profile).map((l) => [l.mode, l.runs.map((r) => r.result.kind)]),
      );
      expect(lanes).toEqual({
        bridge: ['connected', 'connected'],
        host: ['connected', 'connected'],
        none: ['refused', 'unreachable'],
      });
    },
  );
});
