import type { Metadata } from "next";
import { LoginForm } from "@/components/admin/login-form";

export const metadata: Metadata = { title: "Sign in — MedChat admin", robots: { index: false, follow: false } };

export default function LoginPage() {
  return (
    <main className="mx-auto mt-16 max-w-sm rounded-lg border border-slate-200 p-6 dark:border-slate-700">
      <h1 className="mb-4 text-xl font-semibold">MedChat admin</h1>
      <LoginForm />
      <p className="mt-4 text-xs text-slate-600 dark:text-slate-300">
        The first administrator is created from ADMIN_EMAIL and ADMIN_PASSWORD at start-up; others are invited from the console.
      </p>
    </main>
  );
}
