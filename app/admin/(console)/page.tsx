import { OverviewCharts } from "@/components/admin/overview-charts";
import { requireAdminSession } from "@/lib/admin/page-session";
import { knowledgeBaseStats } from "@/lib/admin/knowledge";
import { dailyActivity } from "@/lib/admin/overview";
import { getDb } from "@/lib/db";

export default async function OverviewPage() {
  await requireAdminSession("admin");
  const db = await getDb();
  const [rows, kb] = await Promise.all([dailyActivity(db, 30), knowledgeBaseStats(db)]);
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Overview — last 30 days</h1>
      <OverviewCharts rows={rows} kb={kb} />
    </>
  );
}
