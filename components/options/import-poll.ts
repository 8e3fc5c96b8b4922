// The options page asks the background how far a settings import got while it runs (a count, not a
// spinner). One question that never gets an answer — a worker stopped in the middle, a message
// lost — must not end the asking: after `giveUpMs` the next question goes anyway, and an answer
// that comes after that is dropped (a newer one is on its way).

export interface PollTiming {
  /** Wait between an answer (or a given-up question) and the next question. */
  everyMs: number;
  /** How long one question may go unanswered. */
  giveUpMs: number;
  /** Wait before the first question. */
  firstMs: number;
}

export const IMPORT_POLL: PollTiming = { everyMs: 200, giveUpMs: 1_000, firstMs: 100 };

/** Asks `ask()` over and over and hands each answer to `onAnswer`; returns the function that stops. */
export function pollUntilStopped<T>(
  ask: () => Promise<T>,
  onAnswer: (answer: T) => void,
  timing: PollTiming = IMPORT_POLL,
): () => void {
  let stopped = false;
  let timer = setTimeout(poll, timing.firstMs);
  function poll(): void {
    let done = false;
    const next = () => {
      if (done || stopped) return;
      done = true;
      clearTimeout(giveUp);
      timer = setTimeout(poll, timing.everyMs);
    };
    const giveUp = setTimeout(next, timing.giveUpMs);
    ask()
      .then((answer) => {
        if (!stopped && !done) onAnswer(answer);
      })
      .catch(() => undefined)
      .finally(next);
  }
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
