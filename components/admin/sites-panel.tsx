"use client";

import { Button } from "@/components/ui/button";
import { useAdminResource } from "./admin-api";
import { inputClass, ListState, Panel, StatusLine } from "./admin-shell";

interface Site {
  id: string;
  name: string;
  allowedOrigins: string[];
  enabled: boolean;
  talkToPersonUrl: string | null;
}

export function SitesPanel({ appOrigin }: { appOrigin: string }) {
  const { api, data, run, status, loading } = useAdminResource<{ sites: Site[] }>("sites");
  const sites = data?.sites ?? [];
  return (
    <>
      <Panel title="Register a widget site">
        <form
          className="grid gap-3 sm:grid-cols-3"
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            const form = e.currentTarget;
            void run(
              () =>
                api("sites", {
                  body: {
                    name: String(f.get("name")),
                    allowedOrigins: String(f.get("origins"))
                      .split(/[\s,]+/)
                      .filter(Boolean),
                    talkToPersonUrl: String(f.get("human") || "") || null,
                  },
                }).then(() => form.reset()),
              `Registered "${f.get("name")}".`,
            );
          }}
        >
          <label className="flex flex-col gap-1 text-sm">
            Name
            <input name="name" required className={inputClass} placeholder="Riverside Clinic" />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Allowed origins
            <input name="origins" required className={inputClass} placeholder="https://riverside.example" />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            “Talk to a person” link (optional)
            <input name="human" className={inputClass} placeholder="https://riverside.example/contact" />
          </label>
          <div>
            <Button type="submit" variant="primary">
              Register site
            </Button>
          </div>
        </form>
        <StatusLine status={status} />
      </Panel>
      <Panel title="Widget sites">
        <ul className="space-y-3 text-sm" data-testid="sites-list">
          {sites.map((s) => (
            <li key={s.id} className="rounded border border-slate-200 p-3 dark:border-slate-700">
              <p className="font-semibold">
                {s.name} — {s.enabled ? "enabled" : "disabled"}
              </p>
              <p>Origins: {s.allowedOrigins.join(", ")}</p>
              <p>Talk to a person: {s.talkToPersonUrl ?? "(deployment default)"}</p>
              <label className="mt-1 block">
                Embed tag
                <input
                  readOnly
                  className={`${inputClass} mt-1 w-full font-mono`}
                  value={`<script src="${appOrigin}/widget.js" data-site-key="${s.id}" async></script>`}
                />
              </label>
              <div className="mt-2 flex gap-2">
                <Button
                  onClick={() =>
                    void run(
                      () => api(`sites/${s.id}`, { method: "PATCH", body: { enabled: !s.enabled } }),
                      `${s.enabled ? "Disabled" : "Enabled"} "${s.name}".`,
                    )
                  }
                >
                  {s.enabled ? "Disable" : "Enable"}
                </Button>
                <Button
                  variant="ghost"
                  onClick={() =>
                    window.confirm(`Delete "${s.name}"? The widget stops working on its pages.`) &&
                    void run(() => api(`sites/${s.id}`, { method: "DELETE" }), `Deleted "${s.name}".`)
                  }
                >
                  Delete
                </Button>
              </div>
            </li>
          ))}
        </ul>
        <ListState loading={loading} rows={data?.sites.length} what="widget sites" empty="No widget site yet: register one above." />
      </Panel>
    </>
  );
}
