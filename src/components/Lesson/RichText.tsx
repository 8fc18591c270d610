// Lesson prose with `backticks` shown as code. Plain text nodes only: never parsed as HTML.
export function RichText(props: { text: string }) {
  const parts = props.text.split('`');
  return (
    <>{parts.map((p, i) => (i % 2 === 1 ? <code key={i}>{p}</code> : <span key={i}>{p}</span>))}</>
  );
}
