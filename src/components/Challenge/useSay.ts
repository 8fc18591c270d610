// The challenge panel's words in the interface's current language.
import { useLang } from '../../hooks/useT';
import { challengeText, type ChallengeTextKey } from './strings';

/** `say('check')` in the interface's current language. */
export function useSay(): (
  key: ChallengeTextKey,
  params?: Record<string, string | number>,
) => string {
  const lang = useLang();
  return (key, params) => challengeText(lang, key, params);
}
