"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useAdminResource } from "./admin-api";
import { inputClass, ListState, Panel, StatusLine } from "./admin-shell";
import { WideTable } from "./wide-table";

interface User {
  id: string;
  email: string;
  role: "admin" | "reviewer";
  status: string;
}

export function UsersPanel({ currentUserId }: { currentUserId: string }) {
  const { api, data, run, status, loading } = useAdminResource<{ users: User[] }>("users");
  const users = data?.users ?? [];
  const [invite, setInvite] = useState<string | null>(null);
  return (
    <Panel title="Users">
      <form
        className="mb-4 flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          void run(
            async () =>
              setInvite(
                (await api<{ inviteUrl: string }>("users", { body: { email: String(f.get("email")), role: String(f.get("role")) } }))
                  .inviteUrl,
              ),
            `Invited ${f.get("email")}.`,
          );
        }}
      >
        <label className="flex flex-col gap-1 text-sm">
          Email
          <input name="email" type="email" required className={inputClass} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Role
          <select name="role" className={inputClass} defaultValue="reviewer">
            <option value="reviewer">Reviewer (conversations and feedback)</option>
            <option value="admin">Admin (everything)</option>
          </select>
        </label>
        <Button type="submit" variant="primary">
          Invite
        </Button>
      </form>
      {invite && (
        <p
          role="status"
          className="mb-3 break-all rounded border border-amber-400 bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          Send this one-time invitation link (valid 7 days): <code>{invite}</code>
        </p>
      )}
      <StatusLine status={status} />
      <WideTable label="Users list">
        <table className="w-full text-left text-sm">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-t border-slate-200 dark:border-slate-700">
                <td>{u.email}</td>
                <td>{u.role}</td>
                <td>{u.status}</td>
                <td className="flex gap-1">
                  {u.id !== currentUserId && (
                    <>
                      <Button
                        variant="ghost"
                        onClick={() =>
                          void run(
                            () => api(`users/${u.id}`, { method: "PATCH", body: { role: u.role === "admin" ? "reviewer" : "admin" } }),
                            `Changed the role of ${u.email}.`,
                          )
                        }
                      >
                        Make {u.role === "admin" ? "reviewer" : "admin"}
                      </Button>
                      <Button
                        variant="ghost"
                        onClick={() =>
                          void run(
                            () => api(`users/${u.id}`, { method: "PATCH", body: { disabled: u.status !== "disabled" } }),
                            `Updated ${u.email}.`,
                          )
                        }
                      >
                        {u.status === "disabled" ? "Enable" : "Disable"}
                      </Button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ListState loading={loading} rows={data?.users.length} what="users" empty="No user yet." />
      </WideTable>
    </Panel>
  );
}
