// One piece of the teacher's text: edits the language the interface is in; the other language's
// text (if written) shows as the placeholder, so switching the language adds a translation.
import type { Lang } from '../../i18n/locale';
import type { DraftText } from '../../teacher/draft';

export function TextField(props: {
  label: string;
  value: DraftText;
  lang: Lang;
  onChange: (t: DraftText) => void;
  testId: string;
  multiline?: boolean;
}) {
  const { value, lang } = props;
  const other = lang === 'en' ? value['zh-CN'] : value.en;
  const common = {
    value: value[lang],
    placeholder: other || props.label,
    'aria-label': props.label,
    'data-testid': props.testId,
    spellCheck: false,
    onChange: (e: { target: { value: string } }) =>
      props.onChange({ ...value, [lang]: e.target.value }),
  };
  return props.multiline ? <textarea rows={2} {...common} /> : <input type="text" {...common} />;
}
