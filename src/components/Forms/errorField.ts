// Which form field an engine error is about, so it shows next to that field.
export type RunField = 'name' | 'image' | 'network' | 'ports' | 'form';

export function runErrorField(message: string): RunField {
  if (/container name|name .* already in use/i.test(message)) return 'name';
  if (/pull access|image|repository/i.test(message)) return 'image';
  if (/network/i.test(message) && !/port/i.test(message)) return 'network';
  if (/port|bind|proto/i.test(message)) return 'ports';
  return 'form';
}
