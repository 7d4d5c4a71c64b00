/** pg-cursor ships no types; kysely's PostgresDialect only needs its constructor (PostgresCursorConstructor). */
declare module 'pg-cursor' {
  import type { PostgresCursorConstructor } from 'kysely';

  const Cursor: PostgresCursorConstructor;
  export default Cursor;
}
