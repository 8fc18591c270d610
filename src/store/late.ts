// A part of the store that may arrive after the store is made: at hand from the start (headless:
// Node, tests, scripts), or fetched by the browser on first need so the first paint does not wait.

export interface Late<T> {
  /** The part once it has arrived; null before. */
  current(): T | null;
  /** Fetches it (once; a failed fetch is tried again next time) and resolves when it is here. */
  load(): Promise<T>;
}

/** A part that is already here: current() never answers null. */
export function atHand<T>(value: T): Late<T> {
  const here = Promise.resolve(value);
  return { current: () => value, load: () => here };
}

/** A part fetched by `fetch` (a dynamic import) the first time anyone asks for it. */
export function onFirstNeed<T>(fetch: () => Promise<T>): Late<T> {
  let value: T | null = null;
  let loading: Promise<T> | null = null;
  return {
    current: () => value,
    load: () =>
      (loading ??= fetch().then(
        (v) => (value = v),
        (e: unknown) => {
          loading = null;
          throw e;
        },
      )),
  };
}
