/** The JSON arrays the server sends as it reads (server/streamed.ts): the same text as JSON.stringify, whatever the count. */
import { describe, expect, test } from 'vitest';
import { jsonArray, readingStarted } from '../../server/streamed.ts';

async function* items<T>(list: T[]): AsyncGenerator<T> {
  yield* list;
}

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

describe('jsonArray', () => {
  // Around the chunk size (500): none, one, one short of a chunk, a chunk, a chunk and one, two chunks, two and one.
  test.each([0, 1, 499, 500, 501, 1000, 1001])('%i items give the text of JSON.stringify', async (n) => {
    const list = Array.from({ length: n }, (_, i) => ({ at: i, actor: '编辑 “甲”', note: i % 7 === 0 ? null : `entry ${i}` }));
    expect(await text(jsonArray(items(list)))).toBe(JSON.stringify(list));
  });
});

describe('readingStarted', () => {
  test('reads the first item before it is asked for, so its failure comes before anything is sent', async () => {
    const failing: AsyncIterable<number> = { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('the database went away')) }) };
    await expect(readingStarted(failing)).rejects.toThrow('the database went away');
  });

  test('then yields every item once, the first included, and can be let go', async () => {
    const read: number[] = [];
    async function* counted(): AsyncGenerator<number> {
      for (const n of [1, 2, 3]) {
        read.push(n);
        yield n;
      }
    }
    const started = await readingStarted(counted());
    expect(read).toEqual([1]);
    const seen: number[] = [];
    for await (const n of started) seen.push(n);
    expect(seen).toEqual([1, 2, 3]);
    const again = await readingStarted(counted());
    await again.close();
    expect(read).toEqual([1, 2, 3, 1]);
  });
});
