// The challenges' section of the lesson list.
import { CHALLENGES } from '../../lessons/challenges';
import { useLang } from '../../hooks/useT';
import { useSay } from './useSay';
import { RichText } from '../Lesson/RichText';
import { useAppStore } from '../../store/react';

export function ChallengeList() {
  const say = useSay();
  const lang = useLang();
  const begin = useAppStore((s) => s.beginChallenge);
  return (
    <>
      <h3>{say('menu')}</h3>
      <ul className="lesson-list challenges">
        {CHALLENGES.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className="lesson-entry challenge"
              onClick={() => begin(c.id)}
              data-testid={`lesson-${c.id}`}
            >
              <span className="lesson-num" aria-hidden>
                ⚒
              </span>
              <span className="lesson-entry-text">
                <span className="lesson-entry-title">
                  <RichText text={c.title[lang]} />
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
