/**
 * The live score of a draft as it is filled in: asked of the server (POST .../live-score, the
 * engine scores; nothing is judged here) a short pause after the last change, so typing is never
 * held up and a burst of keystrokes costs one request. A late answer for older answers is dropped.
 */
import { useEffect, useState } from 'react';
import type { AssessmentInputs, LiveScore } from '../../../engine/browser.ts';
import { api, errorMessage } from '../api.ts';

/** The pause after the last change before asking: long enough to skip keystrokes, short enough to feel live. */
export const LIVE_SCORE_DELAY_MS = 300;

export interface LiveScoreState {
  /** The last score the server gave; kept while a newer one is asked for or an answer is invalid. */
  live: LiveScore | null;
  /** Why the last request gave no score (an invalid value being typed), or null. */
  problem: string | null;
  /** True while the score shown is for older answers than the form holds. */
  pending: boolean;
}

/** `answers` is the JSON of the assessment inputs, so that equal answers never ask twice. */
export function useLiveScore(rubric: { id: string; version: string } | undefined, answers: string): LiveScoreState {
  const [state, setState] = useState<LiveScoreState>({ live: null, problem: null, pending: true });
  const id = rubric?.id;
  const version = rubric?.version;
  useEffect(() => {
    if (!id || !version) return;
    let current = true;
    setState((s) => (s.pending ? s : { ...s, pending: true }));
    const timer = setTimeout(() => {
      api
        .liveScore(id, version, JSON.parse(answers) as AssessmentInputs)
        .then((live) => current && setState({ live, problem: null, pending: false }))
        .catch((e: unknown) => current && setState((s) => ({ live: s.live, problem: errorMessage(e), pending: false })));
    }, LIVE_SCORE_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [id, version, answers]);
  return state;
}
