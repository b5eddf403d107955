import { SettingsForm } from "@/components/admin/settings-form";
import { requireAdminSession } from "@/lib/admin/page-session";

export default async function Page() {
  await requireAdminSession("admin");
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Settings</h1>
      <SettingsForm />
    </>
  );
}
