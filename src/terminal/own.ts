// Looking user-typed words up in command tables: only a table's own entries, never what every
// JavaScript object inherits (`__proto__`, `constructor`, `toString`…), which are no commands.

export function own<T>(
  table: { readonly [key: string]: T },
  key: string | undefined,
): T | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
