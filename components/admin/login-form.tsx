"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "./admin-shell";

export function LoginForm() {
  const router = useRouter();
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const submit = async (form: HTMLFormElement) => {
    setBusy(true);
    setError("");
    const data = new FormData(form);
    const res = await fetch("/api/admin/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: data.get("email"), password: data.get("password") }),
    });
    setBusy(false);
    if (res.ok) router.replace("/admin");
    else setError(((await res.json().catch(() => ({}))) as { error?: { message?: string } }).error?.message ?? "Sign-in failed.");
  };
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(e.currentTarget);
      }}
    >
      <label className="flex flex-col gap-1 text-sm">
        Email
        <input name="email" type="email" autoComplete="username" required className={inputClass} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Password
        <input name="password" type="password" autoComplete="current-password" required className={inputClass} />
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <Button type="submit" variant="primary" disabled={busy}>
        Sign in
      </Button>
    </form>
  );
}

export function AcceptInviteForm({ token }: { token: string }) {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={async (e) => {
        e.preventDefault();
        const password = String(new FormData(e.currentTarget).get("password"));
        const res = await fetch("/api/admin/invitations/accept", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ token, password }),
        });
        const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
        setStatus(
          res.ok
            ? { ok: true, text: "Your password is set. You can sign in now." }
            : { ok: false, text: body.error?.message ?? "That did not work." },
        );
      }}
    >
      <label className="flex flex-col gap-1 text-sm">
        New password (12 characters or more)
        <input name="password" type="password" autoComplete="new-password" minLength={12} required className={inputClass} />
      </label>
      {status && (
        <p role={status.ok ? "status" : "alert"} className="text-sm">
          {status.text} {status.ok && <a href="/admin/login">Sign in</a>}
        </p>
      )}
      <Button type="submit" variant="primary">
        Set password
      </Button>
    </form>
  );
}
