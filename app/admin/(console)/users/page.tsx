import { UsersPanel } from "@/components/admin/users-panel";
import { requireAdminSession } from "@/lib/admin/page-session";

export default async function Page() {
  const session = await requireAdminSession("admin");
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Users</h1>
      <UsersPanel currentUserId={session.user.id} />
    </>
  );
}
