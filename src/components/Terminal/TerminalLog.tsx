// The transcript: one row per line, text only (never HTML), scrolling in both directions; it
// follows new output unless the reader has scrolled up to look at something.
import { memo, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { sameSegments, type Row, type Segment } from './rows';
import type { TerminalStrings } from './strings';

/** How close to the bottom (px) still counts as "at the bottom". */
const SLACK = 6;

export interface TerminalLogProps {
  readonly rows: readonly Row[];
  readonly strings: TerminalStrings;
  /** Bumped on every command the user runs: typing brings the view back to the newest line. */
  readonly follow: number;
  readonly logRef: RefObject<HTMLDivElement | null>;
}

export function TerminalLog({ rows, strings, follow, logRef }: TerminalLogProps) {
  const stuck = useRef(true);
  const lastTop = useRef(0);
  const [away, setAway] = useState(false);

  useLayoutEffect(() => {
    stuck.current = true;
  }, [follow]);

  // Scrolled in the next frame's animation callbacks, where style and layout are due anyway:
  // reading scrollHeight here, in the commit, would lay the page out twice for every command.
  useLayoutEffect(() => {
    if (!stuck.current) return;
    const frame = requestAnimationFrame(() => {
      const el = logRef.current;
      if (el && stuck.current) el.scrollTop = el.scrollHeight;
    });
    return () => cancelAnimationFrame(frame);
  }, [rows, follow, logRef]);

  const onScroll = () => {
    const el = logRef.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight <= SLACK;
    // Only the reader scrolling up lets go of the newest line: a scroll event the layout fires
    // (the log resized while lines arrive, a capture printing as the flow plays) does not.
    const up = el.scrollTop < lastTop.current;
    lastTop.current = el.scrollTop;
    if (atBottom) stuck.current = true;
    else if (up) stuck.current = false;
    setAway(!stuck.current);
  };

  const jump = () => {
    const el = logRef.current;
    if (!el) return;
    stuck.current = true;
    el.scrollTop = el.scrollHeight;
    lastTop.current = el.scrollTop;
    setAway(false);
  };

  return (
    <div className="term-log-wrap">
      <div
        ref={logRef}
        className="term-log"
        role="log"
        aria-live="polite"
        aria-label={strings.log}
        // A scrollable region must be reachable by keyboard to scroll wide tables sideways.
        tabIndex={0}
        onScroll={onScroll}
        data-testid="terminal-log"
      >
        {rows.map((r) => (
          <TermRow
            key={r.key}
            kind={r.kind}
            stream={r.stream ?? r.kind}
            segments={r.segments}
            stderrLabel={strings.stderr}
          />
        ))}
      </div>
      {away && (
        <button type="button" className="term-jump" onClick={jump}>
          ↓ {strings.jump}
        </button>
      )}
    </div>
  );
}

interface TermRowProps {
  readonly kind: Row['kind'];
  /** data-stream: the stream the line came on (a success's stderr notes read as output). */
  readonly stream: string;
  readonly segments: readonly Segment[];
  readonly stderrLabel: string;
}

const TermRow = memo(
  function TermRow({ kind, stream, segments, stderrLabel }: TermRowProps) {
    return (
      <div className={`term-row term-${kind}`} data-stream={stream}>
        {kind === 'stderr' && <span className="term-sr">{stderrLabel} </span>}
        {segments.map((s, i) => (
          <span
            key={i}
            className={`seg-${s.kind}${s.colour ? ` sgr-${s.colour}` : ''}`}
            data-seg={s.kind}
          >
            {s.text}
          </span>
        ))}
      </div>
    );
  },
  (a, b) =>
    a.kind === b.kind &&
    a.stream === b.stream &&
    a.stderrLabel === b.stderrLabel &&
    sameSegments(a.segments, b.segments),
);
