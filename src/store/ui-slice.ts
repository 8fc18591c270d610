// UI-only state of the lab view (theme, language, open form, panel tab, flow being picked, last
// launch): a slice of the app store, beside the world. Nothing here is saved with a lab.
import type { StateCreator } from 'zustand/vanilla';
import { hasCatalogue, loadCatalogue } from '../i18n';
import type { Lang } from '../i18n/locale';
import type { FlowKind, FlowSource, IPv4 } from '../sim';

export type Theme = 'light' | 'dark';
export type PanelTab = 'netfilter' | 'conntrack' | 'tables' | 'text';
export type OpenForm = 'run' | 'network' | null;

/** A flow being put together in the picker before it is sent. */
export interface FlowDraft {
  readonly from: FlowSource | null;
  readonly to: IPv4 | null;
  readonly toLabel: string | null;
  readonly kind: FlowKind;
  readonly port: number;
  /** Which end the next click on the diagram picks. */
  readonly picking: 'from' | 'to' | null;
}

export interface UiSlice {
  readonly theme: Theme;
  /** The interface language; everything the lab writes follows it (read it with useLang()). */
  readonly lang: Lang;
  readonly openForm: OpenForm;
  readonly panelTab: PanelTab;
  readonly draft: FlowDraft;
  /** Name of the container launched last, so its card can play the veth story once. */
  readonly launched: string | null;
  /** Counts setLaunched calls, so replaying the same container's story starts it again. */
  readonly launchSeq: number;
  /** The last action's message (an engine error, a warning), shown in the status line. */
  readonly notice: {
    readonly kind: 'error' | 'info';
    readonly text: string;
    /** A button in the message (New lab's Undo). */
    readonly action?: { readonly label: string; readonly run: () => void };
  } | null;
  /** Presentation mode: diagram and narration fill the screen, clicker keys step. */
  readonly presenting: boolean;
  /** The key-moments view of the hop list, as chosen; null: on in presentation mode and lessons. */
  readonly momentsView: boolean | null;
  setTheme(theme: Theme): void;
  /** Switches the language, once its catalogue is here (fetched first if need be): never a mix. */
  setLang(lang: Lang): void;
  setOpenForm(form: OpenForm): void;
  setPanelTab(tab: PanelTab): void;
  setDraft(patch: Partial<FlowDraft>): void;
  setLaunched(name: string | null): void;
  setNotice(notice: UiSlice['notice']): void;
  setPresenting(presenting: boolean): void;
  setMomentsView(on: boolean): void;
}

export const EMPTY_DRAFT: FlowDraft = {
  from: null,
  to: null,
  toLabel: null,
  kind: 'http',
  port: 80,
  picking: null,
};

/** The theme and language the page opens in (boot reads them from the URL and the browser). */
export interface UiInitial {
  readonly theme?: Theme;
  readonly lang?: Lang;
}

export function createUiSlice(initial: UiInitial = {}): StateCreator<UiSlice> {
  return (set, get) => {
    // The language asked for last: a slower fetch must not switch back to an earlier choice.
    let wanted: Lang = initial.lang ?? 'en';
    const setLang = (lang: Lang) => {
      wanted = lang;
      if (hasCatalogue(lang)) return set({ lang });
      void loadCatalogue(lang).then((here) => {
        if (here && wanted === lang) set({ lang });
      });
    };
    return {
      theme: initial.theme ?? 'light',
      lang: initial.lang ?? 'en',
      openForm: null,
      panelTab: 'netfilter',
      draft: EMPTY_DRAFT,
      launched: null,
      launchSeq: 0,
      notice: null,
      presenting: false,
      momentsView: null,
      setTheme: (theme) => set({ theme }),
      setLang,
      setOpenForm: (openForm) => set({ openForm }),
      setPanelTab: (panelTab) => set({ panelTab }),
      setDraft: (patch) => set({ draft: { ...get().draft, ...patch } }),
      setLaunched: (launched) => set((s) => ({ launched, launchSeq: s.launchSeq + 1 })),
      setNotice: (notice) => set({ notice }),
      setPresenting: (presenting) => set({ presenting }),
      setMomentsView: (momentsView) => set({ momentsView }),
    };
  };
}
