// Puts the chosen theme on <html data-theme> so the CSS variables switch.
import { useEffect } from 'react';
import { useUi } from './useUi';

export function useTheme(): void {
  const theme = useUi((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
}
