// The lab as a .json download and back from a chosen file; a refused file leaves the lab as it was.
import {
  decodeFile,
  encodeFile,
  FILE_EXTENSION,
  FILE_MIME,
  LIMITS,
  type LabDocument,
  type ParseResult,
} from '../../share';
import type { AppStore } from '../../store';
import { applyLab, labOf, type LabExtras } from '../../store/persist';
import { downloadBlob } from './export';

export function labFileName(app: AppStore): string {
  const s = app.getState();
  const hop = s.flow ? `-hop-${s.cursor + 1}` : '';
  return `docker-network-lab-${s.world.profile}${hop}${FILE_EXTENSION}`;
}

export function saveLabFile(app: AppStore, extras: LabExtras): void {
  downloadBlob(new Blob([encodeFile(labOf(app, extras))], { type: FILE_MIME }), labFileName(app));
}

/**
 * Reads and applies a chosen file: the lab, or the reason it was refused (nothing changed then).
 * `beforeApply` runs once the file is known to be a lab, before it replaces the one on screen.
 */
export async function openLabFile(
  app: AppStore,
  file: File,
  beforeApply: () => void = () => {},
): Promise<ParseResult<LabDocument>> {
  if (file.size > LIMITS.jsonBytes)
    return { ok: false, error: `the file is too large (over ${LIMITS.jsonBytes} bytes)` };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: 'the file could not be read' };
  }
  const doc = decodeFile(text);
  if (!doc.ok) return doc;
  beforeApply();
  const applied = applyLab(app, doc.value);
  return applied.ok ? doc : applied;
}
