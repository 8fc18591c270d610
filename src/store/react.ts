// Thin React binding over the vanilla store: a provider and a selector hook (useShallow for objects).
import { createContext, createElement, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { createAppStore, type AppStore } from './index';
import type { AppState, AppStoreOptions } from './types';

const StoreContext = createContext<AppStore | null>(null);

export interface AppStoreProviderProps {
  /** An existing store (tests, the e2e harness); otherwise one is created from `options`. */
  readonly store?: AppStore;
  readonly options?: AppStoreOptions;
  readonly children?: ReactNode;
}

export function AppStoreProvider({ store, options, children }: AppStoreProviderProps) {
  const [own] = useState(() => store ?? createAppStore(options));
  return createElement(StoreContext.Provider, { value: own }, children);
}

export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore must be used inside <AppStoreProvider>');
  return store;
}

/** Reads a slice of state; object and array results are compared shallowly. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), useShallow(selector));
}
