// The challenge moves through the store: opened broken and quietly, checked after each command that
// changes the lab (and only then), hints one at a time, solved stays solved.
import { describe, expect, it } from 'vitest';
import { challengeWorld, findChallenge } from '../lessons/challenges';
import { iptablesSave } from '../sim/netfilter/save';
import { decodeFile, encodeFile, parseLab } from '../share';
import { createAppStore } from '.';
import { applyLab, labOf } from './persist';

const ID = 'challenge-firewall-published-port';

describe('challenge store moves', () => {
  it('opens the lab broken with nothing typed, on a profile the challenge is true for', () => {
    const store = createAppStore();
    store.getState().runCommand('lab profile current');
    expect(store.getState().beginChallenge('challenge-forward-drop')).toBe(true);
    const s = store.getState();
    expect(s.world.profile).toBe('docker-27');
    expect(s.transcript).toEqual([]);
    expect(s.lessonView).toBe('challenge');
    const c = findChallenge('challenge-forward-drop');
    if (!c) throw new Error('missing');
    expect(iptablesSave(s.world.netfilter)).toBe(
      iptablesSave(challengeWorld(c, 'docker-27').netfilter),
    );
    expect(s.beginChallenge('challenge-nope')).toBe(false);
  });

  it('checks after a command that changes the lab, not after one that only reads it', () => {
    const store = createAppStore();
    store.getState().beginChallenge(ID);
    store.getState().runCommand('iptables -S DOCKER-USER');
    expect(store.getState().challenge?.check).toBeNull();
    // The wrong fix: DOCKER-USER sees port 80 after DNAT.
    store.getState().runCommand('iptables -I DOCKER-USER -p tcp --dport 8080 -j DROP');
    const wrong = store.getState().challenge;
    expect(wrong?.check).toMatchObject({ solved: false, by: 'auto', n: 1 });
    expect(wrong?.check?.goals.map((g) => g.met)).toEqual([false, true]);
    expect(wrong?.solved).toBe(false);
    store.getState().runCommand('iptables -I DOCKER-USER -s 203.0.113.5 -j DROP');
    expect(store.getState().challenge).toMatchObject({
      solved: true,
      check: { solved: true, n: 2 },
    });
    // Breaking it again shows in the check; the explanation (solved) stays.
    store.getState().runCommand('iptables -F DOCKER-USER');
    expect(store.getState().challenge).toMatchObject({ solved: true, check: { solved: false } });
    expect(store.getState().checkChallenge()).toMatchObject({ solved: false, by: 'button', n: 4 });
  });

  it('shows hints one at a time, up to the last', () => {
    const store = createAppStore();
    store.getState().beginChallenge(ID);
    const n = findChallenge(ID)?.hints.length ?? 0;
    for (let i = 1; i <= n + 2; i++) store.getState().revealChallengeHint();
    expect(store.getState().challenge?.hints).toBe(n);
  });

  it('a lesson or leaving ends the challenge', () => {
    const store = createAppStore();
    store.getState().beginChallenge(ID);
    store.getState().exitLesson();
    expect(store.getState().challenge).toBeNull();
    store.getState().beginChallenge(ID);
    store.getState().beginLesson('modes');
    expect(store.getState().challenge).toBeNull();
  });

  it('a challenge in progress travels with its lab (link, file, autosave): hints kept, checked again', () => {
    const store = createAppStore();
    store.getState().beginChallenge('challenge-no-masquerade');
    store.getState().revealChallengeHint();
    const run = store.getState().challenge;
    const text = encodeFile(
      labOf(store, { challenge: () => (run ? { id: run.id, hints: run.hints } : null) }),
    );
    const back = decodeFile(text);
    if (!back.ok) throw new Error(back.error);
    expect(back.value.challenge).toEqual({ id: 'challenge-no-masquerade', hints: 1 });
    const other = createAppStore();
    expect(applyLab(other, back.value).ok).toBe(true);
    expect(other.getState().resumeChallenge('challenge-no-masquerade', 1)).toBe(true);
    expect(other.getState().challenge).toMatchObject({ hints: 1, check: { solved: false } });
    other
      .getState()
      .runCommand('iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE');
    expect(other.getState().challenge?.solved).toBe(true);
  });

  it('a document naming no challenge, or more hints than it has, is refused', () => {
    const doc = JSON.parse(encodeFile({ world: createAppStore().getState().world })) as object;
    expect(parseLab({ ...doc, challenge: { id: 'challenge-nope', hints: 0 } })).toEqual({
      ok: false,
      error: 'challenge.id: no challenge "challenge-nope"',
    });
    expect(parseLab({ ...doc, challenge: { id: ID, hints: 9 } }).ok).toBe(false);
    expect(parseLab({ ...doc, challenge: { id: ID, hints: 3 } }).ok).toBe(true);
  });
});
