/**
 * A promise whose answer can be read synchronously once it has come: a component's first render
 * can then show data that arrived before it (asked as the app started) instead of rendering a
 * loading state first and the data one task later.
 */
export interface Tracked<T> {
  promise: Promise<T>;
  /** The value once fulfilled; undefined while pending or after a rejection (the promise reports that). */
  value?: T;
}

export function tracked<T>(promise: Promise<T>): Tracked<T> {
  const entry: Tracked<T> = { promise };
  promise.then(
    (value) => {
      entry.value = value;
    },
    () => undefined, // whoever awaits the promise reports it
  );
  return entry;
}
