// Which user turns triage reads together. An emergency is often told in pieces ("I took a
// lot of my mum's pills" … "like 30 of them, about an hour ago"), so triage reads the
// current message with the user's previous turns — but only recent ones, so that a crisis
// from long ago does not re-fire on every later question.
//
// The window: the current message plus at most the 2 previous user turns, and of those only
// the ones sent within 30 minutes of the current message (when their time is known; a
// stateless caller such as the partner API sends history without times, and then only the
// turn count bounds it). Within the window an emergency keeps its notice on the next turns
// ("I want to kill myself" … "i don't know what to do"): a repeated notice is the safer error.

export const TRIAGE_WINDOW_TURNS = 3;
/** Of an earlier turn, triage re-reads the last this many characters (the current turn: 4 000). */
export const PREVIOUS_TURN_CHARS = 1_000;
export const TRIAGE_WINDOW_MS = 30 * 60 * 1000;

export interface UserTurn {
  text: string;
  /** When the turn was sent, if known. */
  at?: Date;
}

/** The turns triage reads, oldest first: the current one and the recent previous user turns. */
export function triageWindow(previous: UserTurn[], current: UserTurn, now: Date = current.at ?? new Date()): UserTurn[] {
  const recent = previous
    .slice(-(TRIAGE_WINDOW_TURNS - 1))
    .filter((turn) => !turn.at || now.getTime() - turn.at.getTime() <= TRIAGE_WINDOW_MS);
  return [...recent, current];
}
