// The captures running beside the flows (`tcpdump … &`): one line each, above the prompt, saying
// where it listens, with the Stop control (SIGINT: tcpdump prints its counts). Nothing otherwise.
import { useAppStore, useAppStoreRef } from '../../store/react';
import { fill, type TerminalStrings } from './strings';

export function CaptureStrip({ strings }: { readonly strings: TerminalStrings }) {
  const captures = useAppStoreRef((s) => s.captures);
  const stop = useAppStore((s) => s.stopCapture);
  if (captures.length === 0) return null;
  return (
    <ul className="term-captures" data-testid="terminal-captures">
      {captures.map((c) => (
        <li key={c.job} className="term-capture" role="status">
          <span className="term-capture-dot" aria-hidden="true" />
          <span className="term-capture-text">
            {fill(strings.capturing, { iface: c.iface, job: String(c.job) })}
          </span>
          <button
            type="button"
            className="ghost term-capture-stop"
            title={strings.captureStopTitle}
            onClick={() => stop(c.job)}
          >
            {strings.captureStop}
          </button>
        </li>
      ))}
    </ul>
  );
}
