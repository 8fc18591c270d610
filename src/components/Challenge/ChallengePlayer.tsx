// A break-fix challenge in the lesson drawer: the goal, what the lab checks (and its verdict after
// each change), hints one at a time, and once solved the explanation. The fixing happens in the
// terminal; nothing here changes the lab except "Start again" and sending a goal's flow.
import { useEffect, useRef } from 'react';
import { findChallenge, type Challenge, type Goal } from '../../lessons/challenges';
import { nodeId, type Flow } from '../../sim';
import type { ChallengeRun } from '../../store';
import { useLang, useT, type Translate } from '../../hooks/useT';
import { RichText } from '../Lesson/RichText';
import { resultText } from '../Lesson/strings';
import { useAppStore } from '../../store/react';
import { useSay } from './useSay';
import './challenge.css';

const sourceNode = (f: Flow): string =>
  f.from.kind === 'host'
    ? 'host'
    : f.from.kind === 'container'
      ? nodeId.container(f.from.name)
      : nodeId.remote(f.from.name);

const flowLabel = (t: Translate, f: Flow): string =>
  `${t.place(sourceNode(f))} → ${f.to}${f.port === undefined ? '' : `:${f.port}`} (${f.kind})`;

function Goals(props: { challenge: Challenge; run: ChallengeRun }) {
  const t = useT();
  const say = useSay();
  const lang = useLang();
  const send = useAppStore((s) => s.sendFlow);
  const check = props.run.check;
  return (
    <ul className="chal-goals" data-testid="challenge-goals">
      {props.challenge.goals.map((g: Goal, i) => {
        const seen = check?.goals[i];
        return (
          <li key={i} data-met={seen ? String(seen.met) : 'unknown'}>
            <span className="chal-flow">
              <code>{flowLabel(t, g.flow)}</code>{' '}
              {say(g.want === 'succeeds' ? 'succeeds' : 'fails')}
              {g.sees && <> {say('sees', { server: g.sees.server, source: g.sees.source })}</>}
            </span>
            {seen && (
              <span className={seen.met ? 'chal-met' : 'chal-unmet'}>
                {say(seen.met ? 'met' : 'unmet')} ·{' '}
                {say('now', { result: resultText(lang, seen.result) })}
                {g.sees && seen.seen !== undefined && (
                  <>
                    {' · '}
                    {seen.seen === null
                      ? say('seenNone', { server: g.sees.server })
                      : say('seenNow', { server: g.sees.server, seen: seen.seen })}
                  </>
                )}
              </span>
            )}
            <button type="button" className="chip-btn" onClick={() => send(g.flow)}>
              {say('show')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function Verdict(props: { run: ChallengeRun }) {
  const say = useSay();
  const c = props.run.check;
  const text = !c
    ? say('notChecked')
    : c.solved
      ? say('solved')
      : say('broken', { n: c.goals.filter((g) => !g.met).length, m: c.goals.length });
  return (
    <p
      className={`chal-verdict ${c ? (c.solved ? 'ok' : 'bad') : ''}`}
      role="status"
      aria-live="polite"
      data-testid="challenge-verdict"
      data-solved={c ? String(c.solved) : 'unknown'}
      data-checks={c?.n ?? 0}
      data-by={c?.by ?? ''}
    >
      {text}
    </p>
  );
}

export function ChallengePlayer() {
  const say = useSay();
  const lang = useLang();
  const a = useAppStore((s) => ({
    run: s.challenge,
    check: s.checkChallenge,
    hint: s.revealChallengeHint,
    begin: s.beginChallenge,
  }));
  const challenge = a.run ? findChallenge(a.run.id) : undefined;
  const explain = useRef<HTMLElement>(null);
  const solved = a.run?.solved === true;
  // Solving brings the explanation into view (it sits below the goals and hints).
  useEffect(() => {
    if (solved) explain.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [solved]);
  if (!a.run || !challenge) return null;
  const run = a.run;
  const shown = challenge.hints.slice(0, run.hints);
  return (
    <article className="lesson-step chal" data-testid="challenge" data-id={challenge.id}>
      <p className="lesson-kicker">{say('kicker')}</p>
      <h3 className="lesson-title">
        <RichText text={challenge.title[lang]} />
      </h3>
      <section className="chal-goal">
        <h4>{say('goal')}</h4>
        <p data-testid="challenge-goal">
          <RichText text={challenge.goal[lang]} />
        </p>
      </section>
      <section>
        <h4>{say('goals')}</h4>
        <Goals challenge={challenge} run={run} />
        <Verdict run={run} />
        <button
          type="button"
          className="primary"
          onClick={() => a.check('button')}
          data-testid="challenge-check"
        >
          {say('check')}
        </button>
      </section>
      {shown.length > 0 && (
        <ol className="chal-hints" data-testid="challenge-hints">
          {shown.map((h, i) => (
            <li key={i}>
              <strong>{say('hint', { n: i + 1, m: challenge.hints.length })}</strong>{' '}
              <RichText text={h[lang]} />
            </li>
          ))}
        </ol>
      )}
      {run.hints < challenge.hints.length && (
        <button type="button" onClick={a.hint} data-testid="challenge-hint">
          {say('moreHint')} ({run.hints + 1}/{challenge.hints.length})
        </button>
      )}
      {run.solved && (
        <section className="chal-explain" data-testid="challenge-explain" ref={explain}>
          <h4>{say('why')}</h4>
          <p>
            <RichText text={challenge.explain[lang]} />
          </p>
        </section>
      )}
      <nav className="lesson-nav">
        <button type="button" onClick={() => a.begin(challenge.id)} data-testid="challenge-restart">
          ↺ {say('restart')}
        </button>
      </nav>
    </article>
  );
}
