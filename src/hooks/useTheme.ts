// Puts the chosen theme on <html data-theme> so the CSS variables switch.
import { useEffect } from 'react';
import { useAppStore } from '../store/react';

export function useTheme(): void {
  const theme = useAppStore((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
}
