import { headers } from "next/headers";
import { SitesPanel } from "@/components/admin/sites-panel";
import { requireAdminSession } from "@/lib/admin/page-session";

export default async function Page() {
  await requireAdminSession("admin");
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("x-forwarded-host") ?? h.get("host")}`;
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Widget sites</h1>
      <SitesPanel appOrigin={origin} />
    </>
  );
}
