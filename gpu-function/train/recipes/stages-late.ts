import type { Stage } from "./stage-names";
import type { StageContext } from "./stages";

export async function runLaterStage(stage: Stage, ctx: StageContext): Promise<void> {
  ctx.log(`${stage}: not implemented yet`);
}
