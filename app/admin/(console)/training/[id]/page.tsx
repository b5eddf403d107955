import Link from "next/link";
import { TrainingRunDetail } from "@/components/admin/training-run";
import { requireAdminSession } from "@/lib/admin/page-session";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminSession("admin");
  const { id } = await params;
  const runId = decodeURIComponent(id);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/training" className="text-blue-700 underline dark:text-blue-300">
          ← All runs
        </Link>
      </p>
      <h1 className="mb-4 text-xl font-semibold">Retraining run {runId.slice(0, 8)}</h1>
      <TrainingRunDetail id={runId} />
    </>
  );
}
