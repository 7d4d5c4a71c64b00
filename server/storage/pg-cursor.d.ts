/** pg-cursor ships no types: what postgres-storage.ts uses of it (a Submittable for pg's client.query, read in chunks, closed). */
declare module 'pg-cursor' {
  import type { Submittable } from 'pg';

  export default class Cursor<Row = unknown> implements Submittable {
    constructor(text: string, values?: unknown[]);
    submit: Submittable['submit'];
    read(rows: number): Promise<Row[]>;
    close(): Promise<void>;
  }
}
