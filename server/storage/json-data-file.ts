/**
 * The lowdb adapter of the data file: plain JSON, written to a temp file and renamed over the
 * data file (as lowdb's JSONFile does, same temp file name), but compact and incremental.
 *
 * lowdb's JSONFile pretty-prints and re-encodes the whole file on every write, which made the
 * serialisation, not the disk, the cost of a write. Here each element of the top-level arrays
 * is serialised once, when it first appears, and its UTF-8 bytes are reused by every later
 * write while the same object stays in the array. That relies on the Storage contract that
 * stored records are never changed in place (a change replaces the object), which
 * LowdbStorage keeps. The file is what `JSON.stringify(data)` gives, so any JSON reader,
 * older releases and the migrations included, reads it.
 */
import { type FileHandle, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/** Bytes of a JSON value, cached by the object; records are replaced on change, never edited. */
const encoded = new WeakMap<object, Buffer>();

/** Elements per cached run of an array: few enough parts to join, few enough bytes to redo. */
const RUN = 128;

/** The bytes of a run of array elements (comma-separated), valid while the same elements are in place. */
interface Run {
  elements: unknown[];
  bytes: Buffer;
}

/** A JSON data file whose top-level arrays hold records that are replaced, never edited in place. */
export class JsonDataFile<T extends object> implements Adapter<T> {
  readonly #path: string;
  /** lowdb's (steno's) temp file name, so that a killed write leaves the same `.<name>.tmp`. */
  readonly #tempPath: string;
  /** Runs of each top-level array as last written. */
  readonly #runs = new Map<string, Run[]>();

  constructor(path: string) {
    this.#path = path;
    this.#tempPath = join(dirname(path), `.${basename(path)}.tmp`);
  }

  /** The parsed file, or null when it does not exist yet (lowdb then uses the defaults). */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.#path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    return JSON.parse(text) as T;
  }

  /**
   * Writes `data` as it is now to the temp file and renames it over the data file once
   * `beforeRename` (what the data refers to, e.g. result files) is done too; both run at the
   * same time. When either fails, the temp file is removed and the data file stays as it was.
   */
  async write(data: T, beforeRename: Promise<unknown> = Promise.resolve()): Promise<void> {
    // Serialised at once: changes made while the bytes are written belong to the next write.
    const parts = this.serialise(data);
    try {
      const [temp, before] = await Promise.allSettled([this.#writeTemp(parts), beforeRename]);
      if (temp.status === 'rejected') throw temp.reason;
      if (before.status === 'rejected') throw before.reason;
      await rename(this.#tempPath, this.#path);
    } catch (err) {
      // A half-written temp file on a full disk would keep the disk full. Not recursive: a
      // directory in its place (which makes the write fail) is not ours to remove.
      await rm(this.#tempPath, { force: true }).catch(() => undefined);
      throw err;
    }
  }

  async #writeTemp(parts: Buffer[]): Promise<void> {
    const file = await open(this.#tempPath, 'w');
    try {
      await writeAll(file, parts);
    } finally {
      await file.close();
    }
  }

  /**
   * `JSON.stringify(data)` as a list of byte chunks (written with writev, never joined: joining
   * megabytes costs more than writing them), reusing the bytes of unchanged runs of elements.
   */
  serialise(data: T): Buffer[] {
    const parts: Buffer[] = [];
    let first = true;
    for (const [key, value] of Object.entries(data)) {
      if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
      parts.push(Buffer.from(`${first ? '{' : ','}${JSON.stringify(key)}:`));
      first = false;
      if (!Array.isArray(value)) {
        parts.push(Buffer.from(JSON.stringify(value)));
        continue;
      }
      parts.push(OPEN);
      const runs = this.#runs.get(key) ?? [];
      const count = Math.ceil(value.length / RUN);
      runs.length = Math.min(runs.length, count);
      for (let r = 0; r < count; r += 1) {
        const elements = value.slice(r * RUN, (r + 1) * RUN);
        let run = runs[r];
        if (!run || run.elements.length !== elements.length || run.elements.some((element, at) => element !== elements[at])) {
          run = { elements, bytes: joined(elements) };
          runs[r] = run;
        }
        if (r > 0) parts.push(COMMA);
        parts.push(run.bytes);
      }
      this.#runs.set(key, runs);
      parts.push(CLOSE);
    }
    parts.push(Buffer.from(first ? '{}' : '}'));
    return parts;
  }
}

/** At most this many chunks per writev call (the usual IOV_MAX). */
const CHUNKS_PER_WRITE = 1024;

/** Writes every chunk in order; writev may write less than asked, so it goes on from where it stopped. */
async function writeAll(file: FileHandle, chunks: Buffer[]): Promise<void> {
  let pending = chunks.filter((chunk) => chunk.length > 0);
  while (pending.length > 0) {
    const batch = pending.slice(0, CHUNKS_PER_WRITE);
    let { bytesWritten } = await file.writev(batch);
    if (bytesWritten <= 0) throw Object.assign(new Error("A write of the data file made no progress."), { code: 'EIO' });
    let done = 0;
    while (done < batch.length && bytesWritten >= batch[done].length) {
      bytesWritten -= batch[done].length;
      done += 1;
    }
    pending = pending.slice(done);
    if (bytesWritten > 0) pending[0] = pending[0].subarray(bytesWritten);
  }
}

const OPEN = Buffer.from('[');
const CLOSE = Buffer.from(']');
const COMMA = Buffer.from(',');

/** Elements as JSON, comma-separated. */
function joined(elements: unknown[]): Buffer {
  const parts: Buffer[] = [];
  elements.forEach((element, at) => {
    if (at > 0) parts.push(COMMA);
    parts.push(elementBytes(element));
  });
  return Buffer.concat(parts);
}

function elementBytes(element: unknown): Buffer {
  // What JSON.stringify writes for an array element that has no JSON form.
  if (typeof element !== 'object' || element === null) return Buffer.from(JSON.stringify(element) ?? 'null');
  let bytes = encoded.get(element);
  if (!bytes) {
    bytes = Buffer.from(JSON.stringify(element));
    encoded.set(element, bytes);
  }
  return bytes;
}
