"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DEFAULT_EXAMPLE_QUESTIONS } from "@/lib/chat/example-questions";
import { useAdminResource } from "./admin-api";
import { inputClass, NotLoaded, Panel, StatusLine } from "./admin-shell";

interface Settings {
  emergencyContacts: Record<string, { emergencyNumber: string; crisisLine: string; crisisLineName: string }>;
  talkToPersonUrl: string;
  retrieval: "on" | "off";
  exampleQuestions?: string[];
}

export function SettingsForm() {
  const resource = useAdminResource<{ settings: Settings }>("settings");
  if (!resource.data) return <NotLoaded what="the settings" status={resource.status} />;
  // The editor holds a copy of what was loaded; a reload after saving starts it afresh.
  return <SettingsEditor key={JSON.stringify(resource.data.settings)} loaded={resource.data.settings} resource={resource} />;
}

function SettingsEditor({
  loaded,
  resource: { api, run, setStatus, status },
}: {
  loaded: Settings;
  resource: ReturnType<typeof useAdminResource<{ settings: Settings }>>;
}) {
  const [settings, setSettings] = useState<Settings>(loaded);
  const [contacts, setContacts] = useState(() => JSON.stringify(loaded.emergencyContacts, null, 2));
  const shownExamples = (loaded.exampleQuestions ?? DEFAULT_EXAMPLE_QUESTIONS).join("\n");
  const [examples, setExamples] = useState(shownExamples);
  const save = async () => {
    let emergencyContacts: Settings["emergencyContacts"];
    try {
      emergencyContacts = contacts.trim() ? JSON.parse(contacts) : {};
    } catch {
      return setStatus({ kind: "error", text: 'Emergency contacts must be JSON, e.g. {"en-GB": {"emergencyNumber": "999", …}}.' });
    }
    // Untouched defaults stay unset (CHAT_EXAMPLE_QUESTIONS or the built-in list); an emptied box means none.
    const exampleQuestions =
      loaded.exampleQuestions === undefined && examples === shownExamples
        ? undefined
        : examples
            .split("\n")
            .map((q) => q.trim())
            .filter(Boolean);
    await run(
      () => api("settings", { method: "PUT", body: { ...settings, emergencyContacts, exampleQuestions } }),
      "Settings saved; they apply to new messages right away.",
    );
  };
  return (
    <Panel title="Settings">
      <div className="flex flex-col gap-4">
        <label className="flex flex-col gap-1 text-sm">
          “Talk to a person” link (web chat, and widgets without their own)
          <input
            value={settings.talkToPersonUrl}
            onChange={(e) => setSettings({ ...settings, talkToPersonUrl: e.target.value })}
            className={inputClass}
            placeholder="https://clinic.example/contact or tel:+1…"
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Emergency contacts per locale (JSON; added to the built-in list)
          <textarea rows={6} value={contacts} onChange={(e) => setContacts(e.target.value)} className={`${inputClass} font-mono`} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Example questions an empty web chat offers (one per line, up to 6; leave empty for none)
          <textarea rows={4} value={examples} onChange={(e) => setExamples(e.target.value)} className={inputClass} />
        </label>
        <fieldset className="text-sm">
          <legend>Retrieval</legend>
          <label className="mr-4">
            <input
              type="radio"
              name="retrieval"
              checked={settings.retrieval === "on"}
              onChange={() => setSettings({ ...settings, retrieval: "on" })}
            />{" "}
            On (answers cite the knowledge base)
          </label>
          <label>
            <input
              type="radio"
              name="retrieval"
              checked={settings.retrieval === "off"}
              onChange={() => setSettings({ ...settings, retrieval: "off" })}
            />{" "}
            Off
          </label>
        </fieldset>
        <div>
          <Button variant="primary" onClick={() => void save()}>
            Save settings
          </Button>
        </div>
        <StatusLine status={status} />
      </div>
    </Panel>
  );
}
