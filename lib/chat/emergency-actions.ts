// What a surface shows with an emergency notice besides its text: the calls to offer, in the
// notice's language. One definition for the web chat and widget (components/chat/message-view.tsx)
// and the partner API (lib/partners/wire.ts), so every surface offers the same numbers.
import { knowsNumber } from "@/lib/safety/local-number";
import { noticeNamesCrisisLine, oneNumber, type NoticeLabels } from "@/lib/safety/notice-texts";

export interface EmergencyAction {
  /** "emergency": the local emergency number, always; "crisis_line": when the notice names it (suicide or self-harm, overdose). */
  kind: "emergency" | "crisis_line";
  /** Button text in the notice's language, e.g. "Call 911", "Crisis line 988". */
  label: string;
  number: string;
  /** A tel: link (spaces removed) a phone can dial. */
  href: string;
}

/** A triage notice as the pipeline emits it, or as an older stored answer holds it (without labels). */
export interface NoticeLike {
  categories: readonly string[];
  emergencyNumber: string;
  crisisLine: string;
  labels?: NoticeLabels;
}

const FALLBACK_LABELS: NoticeLabels = { heading: "Possible emergency", call: "Call", crisisLine: "Crisis line" };

/** Notices stored before labels existed fall back to the English words. */
export function noticeLabels(notice: Pick<NoticeLike, "labels">): NoticeLabels {
  return notice.labels ?? FALLBACK_LABELS;
}

export function emergencyActions(notice: NoticeLike): EmergencyAction[] {
  const labels = noticeLabels(notice);
  const action = (kind: EmergencyAction["kind"], label: string, number: string): EmergencyAction => ({
    kind,
    label: `${label} ${number}`,
    number,
    href: `tel:${number.replace(/[^\d+*#]/g, "")}`,
  });
  // A region whose number is unknown gets no button: the notice says "your local emergency number" (lib/safety/local-number.ts).
  if (!knowsNumber(notice)) return [];
  const actions = [action("emergency", labels.call, notice.emergencyNumber)];
  // The crisis line is offered whenever the notice names it (an overdose notice does too: a number
  // named in the text but not offered could not be tapped on a phone), when it is another number
  // than the emergency one (ru-RU, tr-TR: both 112).
  if (noticeNamesCrisisLine(notice.categories) && !oneNumber(notice))
    actions.push(action("crisis_line", labels.crisisLine, notice.crisisLine));
  return actions;
}
