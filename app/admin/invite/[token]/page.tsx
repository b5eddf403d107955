import type { Metadata } from "next";
import { AcceptInviteForm } from "@/components/admin/login-form";

export const metadata: Metadata = { title: "Accept invitation — MedChat admin", robots: { index: false, follow: false } };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <main className="mx-auto mt-16 max-w-sm rounded-lg border border-slate-200 p-6 dark:border-slate-700">
      <h1 className="mb-4 text-xl font-semibold">Set your MedChat admin password</h1>
      <AcceptInviteForm token={token.slice(0, 200)} />
    </main>
  );
}
