import Link from "next/link";
import { ConversationReview } from "@/components/admin/conversations-panel";
import { requireAdminSession } from "@/lib/admin/page-session";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminSession("reviewer");
  const { id } = await params;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/conversations" className="text-blue-700 underline dark:text-blue-300">
          ← All conversations
        </Link>
      </p>
      <h1 className="mb-4 text-xl font-semibold">Review a conversation</h1>
      <ConversationReview id={decodeURIComponent(id)} />
    </>
  );
}
