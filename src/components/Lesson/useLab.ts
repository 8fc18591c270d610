// Reads the app store including the lesson slice (useAppStore's selectors see the lab slices only).
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { LabState } from '../../store';
import { useAppStoreApi } from '../../store/react';

export function useLab<T>(selector: (s: LabState) => T): T {
  return useStore(useAppStoreApi(), useShallow(selector));
}
