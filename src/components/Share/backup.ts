// The banner's way back: the lab autosaved before a link replaced it, opened again (with its lesson).
import type { AppStore } from '../../store';
import { applyLab, BACKUP_KEY, browserStorage, readStored } from '../../store/persist';
import { clearIssue, showIssue } from './banner';
import { applyExtras } from './extras';

export async function openBackup(app: AppStore): Promise<void> {
  const storage = browserStorage();
  const r = storage ? readStored(storage, BACKUP_KEY) : null;
  if (!r) return showIssue('There is no earlier lab in this browser.');
  if (!r.ok) return showIssue(`Your last lab could not be restored: ${r.error}.`);
  const applied = applyLab(app, r.value);
  if (!applied.ok) return showIssue(`Your last lab could not be restored: ${applied.error}.`);
  await applyExtras(app, r.value, null);
  clearIssue();
}
