/**
 * Answers read from storage as they are read (a cursor in PostgreSQL), so memory stays flat
 * however much is stored: the first item is read before anything is sent, so a storage failure
 * then is still answered as a catalogued error; a later failure aborts the response, which is
 * never ended as if complete.
 */

/** A stream whose first item is already read, and a way to let go of the rest unread. */
export interface StartedStream<T> extends AsyncIterable<T> {
  close(): Promise<void>;
}

/**
 * Reads the first item now: a storage failure on the first read is then thrown by the handler and
 * answered as a catalogued error, before any header is sent. Later failures abort the response.
 */
export async function readingStarted<T>(items: AsyncIterable<T>): Promise<StartedStream<T>> {
  const iterator = items[Symbol.asyncIterator]();
  let first: IteratorResult<T> | undefined = await iterator.next();
  const rest: AsyncIterator<T> = {
    next: async () => {
      const read = first ?? (await iterator.next());
      first = undefined;
      return read;
    },
    return: async () => {
      first = undefined;
      return (await iterator.return?.()) ?? { done: true, value: undefined };
    },
  };
  return { [Symbol.asyncIterator]: () => rest, close: async () => void (await rest.return?.()) };
}

/** How many items go into one chunk of a JSON array: one write per item would cost more than the JSON. */
const ITEMS_PER_CHUNK = 500;

/** The JSON text of an array of `items`, in chunks as they are read. */
export async function* jsonArray(items: AsyncIterable<unknown>): AsyncGenerator<string> {
  let chunk: string[] = [];
  let first = true;
  yield '[';
  for await (const item of items) {
    chunk.push(JSON.stringify(item));
    if (chunk.length === ITEMS_PER_CHUNK) {
      yield `${first ? '' : ','}${chunk.join(',')}`;
      first = false;
      chunk = [];
    }
  }
  yield `${first || chunk.length === 0 ? '' : ','}${chunk.join(',')}]`;
}
