// Thin React binding over the vanilla store: a provider and a selector hook (useShallow for objects).
import { createContext, createElement, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { AppStore } from './create';
import type { LabState } from './lesson-slice';

const StoreContext = createContext<AppStore | null>(null);

export interface AppStoreProviderProps {
  /** The store: the browser's boot makes it (Shell/boot.ts), a test may hand its own. */
  readonly store: AppStore;
  readonly children?: ReactNode;
}

export function AppStoreProvider({ store, children }: AppStoreProviderProps) {
  return createElement(StoreContext.Provider, { value: store }, children);
}

export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore must be used inside <AppStoreProvider>');
  return store;
}

/**
 * Reads a slice of state (the lab, the lesson, the view's UI state: one store); object and array
 * results are compared shallowly.
 */
export function useAppStore<T>(selector: (state: LabState) => T): T {
  return useStore(useAppStoreApi(), useShallow(selector));
}

/**
 * Reads a value that changes identity whenever its content does (the transcript, the history, the
 * memoised timeline): compared by identity. The shallow comparison of useAppStore would walk every
 * element (building two Maps of them) on each store change: with a 5,000-line transcript that was
 * most of a pasted line's cost.
 */
export function useAppStoreRef<T>(selector: (state: LabState) => T): T {
  return useStore(useAppStoreApi(), selector);
}
