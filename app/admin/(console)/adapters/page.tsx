import { AdaptersPanel } from "@/components/admin/adapters-panel";
import { requireAdminSession } from "@/lib/admin/page-session";

export default async function Page() {
  await requireAdminSession("admin");
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Adapters</h1>
      <AdaptersPanel />
    </>
  );
}
