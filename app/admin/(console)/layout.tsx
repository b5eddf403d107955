import type { Metadata } from "next";
import { AdminShell } from "@/components/admin/admin-shell";
import { requireAdminSession } from "@/lib/admin/page-session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "MedChat admin", robots: { index: false, follow: false } };

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const session = await requireAdminSession("reviewer");
  return (
    <AdminShell user={{ email: session.user.email, role: session.user.role }} csrf={session.csrfToken}>
      {children}
    </AdminShell>
  );
}
