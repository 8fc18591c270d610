// Captures beside the flows (`tcpdump … &`): each move of the playback cursor, or a new flow, hands
// every running capture the hops passed, and what it prints goes to the transcript as a background
// job's output does, between the lines typed. A capture that reached its -c count ends here.
import type { StoreApi } from 'zustand/vanilla';
import type { Chunk, LiveCapture } from '../terminal/api';
import { appendBounded, toTranscriptLines } from './transcript';
import type { AppState } from './types';

export function trackCaptures(store: StoreApi<AppState>): () => void {
  return store.subscribe((s, prev) => {
    if (s.captures.length === 0) return;
    if (s.cursor === prev.cursor && s.packets === prev.packets) return;
    const flow = { packets: s.packets, clock: s.flowClock };
    const chunks: Chunk[] = [];
    const captures: LiveCapture[] = [];
    for (const c of s.captures) {
      const r = c.advance(s.world, flow, s.cursor);
      chunks.push(...r.chunks);
      if (r.next) captures.push(r.next);
    }
    store.setState({
      captures,
      ...appendBounded(s.transcript, s.transcriptOffset, toTranscriptLines(chunks, 0)),
    });
  });
}
