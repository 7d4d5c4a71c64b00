/**
 * Bounded lists of issues. A broken or hostile document can have hundreds of thousands of
 * problems (one per bad entry of a list); nobody reads them all, and building, de-duplicating
 * or sending them all blocks the server. Every error reports the first MAX_REPORTED_ISSUES and
 * one final entry counting the rest; producers that can find many stop storing at the cap.
 */
import type { Issue } from '../types.ts';
import { BASIC_MESSAGES as MESSAGES } from './messages-basic.ts';
import type { MessageText } from './messages.ts';

/** Most issues one error reports; one more entry counts those left out. */
export const MAX_REPORTED_ISSUES = 100;

/** What a list holds, for the final entry's words. */
export type IssueKind = 'error' | 'warning';

/** An issue at `path` saying `text` (engine/document/messages.ts); `message` is its English text. */
export function issue(path: string, text: MessageText): Issue & { text: MessageText } {
  return { path, message: text.en, text };
}

/** The final entry of a capped list: how many issues were left out. */
export function moreIssues(count: number, kind: IssueKind = 'error'): Issue {
  return issue('', MESSAGES.moreIssues(count, kind));
}

/** Issues as reported: at most MAX_REPORTED_ISSUES, then the count of the rest. */
export function capIssues(issues: readonly Issue[], kind: IssueKind = 'error'): Issue[] {
  if (issues.length <= MAX_REPORTED_ISSUES) return [...issues];
  return [...issues.slice(0, MAX_REPORTED_ISSUES), moreIssues(issues.length - MAX_REPORTED_ISSUES, kind)];
}

/**
 * Collects issues, storing the first MAX_REPORTED_ISSUES and only counting the others, so that
 * finding a million problems costs a counter, not a million objects. `push` and `length` read
 * like an array's, so checks written against `Issue[]` keep working.
 */
export class IssueList {
  private readonly kept: Issue[] = [];
  private counted = 0;

  constructor(private readonly kind: IssueKind = 'error') {}

  /** Adds an issue; once the list is full it is only counted. */
  push(issue: Issue): void {
    if (this.kept.length < MAX_REPORTED_ISSUES) this.kept.push(issue);
    this.counted += 1;
  }

  /** Counts `count` more issues without building them (see `full`). */
  countMore(count = 1): void {
    this.counted += count;
  }

  /** Every issue found, stored or only counted. */
  get length(): number {
    return this.counted;
  }

  /** True once further issues are only counted: a caller may skip building their messages. */
  get full(): boolean {
    return this.kept.length >= MAX_REPORTED_ISSUES;
  }

  /** The issues as reported: the stored ones, then one entry counting the rest. */
  toArray(): Issue[] {
    return this.counted > this.kept.length ? [...this.kept, moreIssues(this.counted - this.kept.length, this.kind)] : [...this.kept];
  }
}

/** A key as one segment of a JSON pointer ("a/b" → "a~1b"), so that the path names exactly that key. */
export function pointerSegment(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
