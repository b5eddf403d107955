import Link from "next/link";
import { TrainingPanel } from "@/components/admin/training-panel";
import { requireAdminSession } from "@/lib/admin/page-session";

export default async function Page() {
  await requireAdminSession("admin");
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Training</h1>
      <p className="mb-4 text-sm text-slate-700 dark:text-slate-200">
        Adapters are retrained on curated reviews, knowledge-base examples and uploaded files, and promoted only when they beat the active
        adapter. The serving adapters are on the{" "}
        <Link href="/admin/adapters" className="text-blue-700 underline dark:text-blue-300">
          Adapters
        </Link>{" "}
        page.
      </p>
      <TrainingPanel schedule={process.env.RETRAIN_CRON || (process.env.CRON_SECRET ? "platform" : null)} />
    </>
  );
}
