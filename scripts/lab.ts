// `npm run -s lab -- FILE`: runs FILE's commands through the terminal and prints the transcript.
import { readFileSync } from 'node:fs';
import { createAppStore, renderTranscript } from '../src/store';

/** Runs each line of a lab file as if typed, and returns exactly what the terminal shows. */
export function runLab(text: string): string {
  const store = createAppStore();
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    store.getState().runCommand(line);
  }
  return renderTranscript(store.getState().transcript);
}

const file = process.argv[2];
if (file !== undefined && import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(runLab(readFileSync(file, 'utf8')));
} else if (file === undefined && import.meta.url === `file://${process.argv[1]}`) {
  process.stderr.write('usage: npm run -s lab -- FILE\n');
  process.exitCode = 2;
}
