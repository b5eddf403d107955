import { ConversationsPanel } from "@/components/admin/conversations-panel";
import { requireAdminSession } from "@/lib/admin/page-session";

export default async function Page() {
  await requireAdminSession("reviewer");
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Conversations and feedback</h1>
      <ConversationsPanel />
    </>
  );
}
