// The terminal panel's words, read from the interface catalogue (src/i18n/en-ui-panels.ts,
// zh-CN-ui-panels.ts: `terminal.*`), with its holes left for `fill`. No text of its own.
import { format, translate, type UiKey } from '../../i18n';
import { enUiPanels } from '../../i18n/en-ui-panels';
import type { Lang } from '../../i18n/locale';

type Suffix<K> = K extends `terminal.${infer R}` ? R : never;
export type TerminalStringKey = Suffix<UiKey>;
export type TerminalStrings = { readonly [K in TerminalStringKey]: string };

const KEYS = Object.keys(enUiPanels).flatMap((k) =>
  k.startsWith('terminal.') ? [k.slice('terminal.'.length) as TerminalStringKey] : [],
);

export function terminalStrings(lang: Lang): TerminalStrings {
  return Object.fromEntries(
    KEYS.map((k) => [k, translate(`terminal.${k}`, {}, lang)]),
  ) as TerminalStrings;
}

/** Fills `{name}` holes (the catalogue's own formatter). */
export const fill = format;
