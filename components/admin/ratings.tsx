// Thumbs up/down counts as SVG icons with a spoken label (emoji render as boxes where the
// system has no emoji font, e.g. headless Linux Chromium).
import { ThumbDownIcon, ThumbUpIcon } from "@/components/ui/icons";

export function RatingCounts({ up, down }: { up: number; down: number }) {
  return (
    <span className="inline-flex items-center gap-2 whitespace-nowrap" data-testid="rating-counts">
      <span className="inline-flex items-center gap-0.5" aria-label={`${up} thumbs up`} role="img">
        <ThumbUpIcon width={14} height={14} className="text-emerald-700 dark:text-emerald-300" />
        <span aria-hidden="true">{up}</span>
      </span>
      <span className="inline-flex items-center gap-0.5" aria-label={`${down} thumbs down`} role="img">
        <ThumbDownIcon width={14} height={14} className="text-red-700 dark:text-red-300" />
        <span aria-hidden="true">{down}</span>
      </span>
    </span>
  );
}
