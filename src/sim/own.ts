// Looking up a record by a user's name: only the record's own entries, never what every JavaScript
// object inherits. A bridge, container or remote may be called `constructor`, `toString` or
// `valueOf`; `fdb['constructor']` on a plain object is a function, not "no entries".

export function own<T>(
  table: { readonly [key: string]: T },
  key: string | undefined,
): T | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
