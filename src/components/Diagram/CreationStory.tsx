// How a new bridge-mode container got its network, told in four moments the class can step through
// and replay (the card's "veth" button): pair created, host end on the bridge, peer moved into the
// namespace as eth0, address and route. Each moment shows the iproute2 commands that do it by hand;
// the steps and their commands come from the engine (creationSteps), so they name the real veth,
// MAC, address and gateway. It plays on by itself unless the viewer asks for less motion, and stays
// until closed: a teacher sets the pace.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Obstacle } from '../../hooks/camera';
import { creationSteps, type CreationStep } from '../../sim';
import { useAppStore } from '../../store/react';
import { useReducedMotion } from '../../hooks/useReducedMotion';
import { useT, type Translate } from '../../hooks/useT';
import './creation-story.css';

const STEP_MS = 2800;

function caption(s: CreationStep, t: Translate): string {
  const f = s.facts;
  switch (s.kind) {
    case 'create':
      return t('story.create', { veth: f.hostVeth, peer: f.peer });
    case 'join':
      return t('story.joins', { veth: f.hostVeth, bridge: f.bridge });
    case 'move':
      return t('story.moves', { peer: f.peer, name: f.container, ifName: f.ifName });
    case 'address':
      return t('story.address', {
        ifName: f.ifName,
        mac: f.mac,
        cidr: f.cidr,
        gateway: f.gateway,
        bridge: f.bridge,
      });
  }
}

function title(s: CreationStep, t: Translate): string {
  return t(`story.title.${s.kind}`, { bridge: s.facts.bridge, name: s.facts.container });
}

/** The card's margin to the diagram's edges (creation-story.css) and a gap beside it. */
const MARGIN = 24;

/**
 * The card's box as it changes (null when closed), so the camera keeps nodes out from under it.
 * A callback ref: the card mounts and unmounts with the story.
 */
function useReportSize(onSize: ((o: Obstacle | null) => void) | undefined) {
  const ro = useRef<ResizeObserver | null>(null);
  return useCallback(
    (el: HTMLElement | null) => {
      ro.current?.disconnect();
      ro.current = null;
      if (!onSize) return;
      if (!el) return onSize(null);
      const report = () => onSize({ w: el.offsetWidth + MARGIN, h: el.offsetHeight + MARGIN });
      ro.current = new ResizeObserver(report);
      ro.current.observe(el);
      report();
    },
    [onSize],
  );
}

export function CreationStory(props: { onSize?: (o: Obstacle | null) => void }) {
  const sized = useReportSize(props.onSize);
  const launched = useAppStore((s) => s.launched);
  const seq = useAppStore((s) => s.launchSeq);
  const setLaunched = useAppStore((s) => s.setLaunched);
  const world = useAppStore((s) => s.world);
  const reduced = useReducedMotion();
  const t = useT();
  const [at, setAt] = useState({ seq, step: 0, playing: !reduced });
  // A new launch or a replay starts from the first moment.
  if (at.seq !== seq) setAt({ seq, step: 0, playing: !reduced });
  const steps = launched ? creationSteps(world, launched) : null;
  const last = (steps?.length ?? 1) - 1;
  const step = Math.min(at.step, last);
  const playing = at.playing && step < last;
  useEffect(() => {
    if (!playing) return;
    const id = window.setTimeout(
      () => setAt((a) => (a.seq === seq ? { ...a, step: a.step + 1 } : a)),
      STEP_MS,
    );
    return () => window.clearTimeout(id);
  }, [playing, step, seq]);
  const current = steps?.[step];
  if (!steps || !current || !launched) return null;
  const go = (n: number) => setAt({ seq, step: Math.max(0, Math.min(last, n)), playing: false });
  return (
    <section
      ref={sized}
      className="creation-story"
      data-testid="veth-story"
      data-step={current.kind}
      aria-label={t('story.label', { name: launched })}
    >
      <header className="cs-head">
        <h3>{t('story.heading', { name: launched })}</h3>
        <span className="cs-count">{t('story.count', { n: step + 1, of: steps.length })}</span>
        <button
          type="button"
          className="ghost cs-close"
          onClick={() => setLaunched(null)}
          aria-label={t('story.close')}
          data-testid="story-close"
        >
          ×
        </button>
      </header>
      <p className="cs-caption" aria-live="polite" data-testid="story-caption">
        {caption(current, t)}
      </p>
      <div className="cs-cmds" data-testid="story-commands" aria-label={t('story.byHand')}>
        {current.commands.map((c) => (
          <code key={c}>{c}</code>
        ))}
      </div>
      <div className="cs-nav">
        <button
          type="button"
          onClick={() => go(step - 1)}
          disabled={step === 0}
          aria-label={t('story.prev')}
          data-testid="story-prev"
        >
          ◀
        </button>
        {/* The moments by number, the current one by name too: one row even at 1366×768. */}
        <ol className="cs-steps">
          {steps.map((s, i) => (
            <li key={s.kind} className={i === step ? 'on' : ''}>
              <button
                type="button"
                onClick={() => go(i)}
                aria-current={i === step ? 'step' : undefined}
                aria-label={`${i + 1} ${title(s, t)}`}
                title={title(s, t)}
                data-testid={`story-step-${s.kind}`}
              >
                <span className="cs-n">{i + 1}</span>
                {i === step && <span aria-hidden="true"> {title(s, t)}</span>}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          onClick={() => go(step + 1)}
          disabled={step === last}
          aria-label={t('story.next')}
          data-testid="story-next"
        >
          ▶
        </button>
        <button
          type="button"
          className="cs-replay"
          onClick={() => setLaunched(launched)}
          data-testid="story-replay"
        >
          ↻ {t('story.replay')}
        </button>
      </div>
    </section>
  );
}
