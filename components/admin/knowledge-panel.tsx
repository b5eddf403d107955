"use client";

import { useContext, useState } from "react";
import { Button } from "@/components/ui/button";
import { sourceLabel } from "@/lib/chat/source-parts";
import { CsrfContext, useAdminResource, type ActionStatus } from "./admin-api";
import { inputClass, ListState, Panel, Refreshing, StatusLine } from "./admin-shell";
import { WideTable } from "./wide-table";

interface Doc {
  id: string;
  title: string;
  source: string;
  status: string;
  chunks: number;
  updatedAt: string;
}
interface Hit {
  rank: number;
  score: number;
  title: string;
  headingPath: string;
  text: string;
}
export function KnowledgePanel() {
  const csrf = useContext(CsrfContext);
  const [filter, setFilter] = useState("");
  const { api, data, reload, run, setStatus, status, loading, refreshing } = useAdminResource<{ documents: Doc[] }>(
    `documents?q=${encodeURIComponent(filter)}`,
  );
  const docs = data?.documents ?? [];
  const [progress, setProgress] = useState<number | null>(null);

  const upload = (form: HTMLFormElement) => {
    const data = new FormData(form);
    // XMLHttpRequest, for upload progress.
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/admin/documents");
    xhr.setRequestHeader("x-csrf-token", csrf);
    xhr.upload.onprogress = (e) => e.lengthComputable && setProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      setProgress(null);
      const body = JSON.parse(xhr.responseText || "{}") as {
        report?: { added: number; updated: number; unchanged: number; chunksWritten: number; failed: unknown[] };
        skipped?: { file: string; reason: string }[];
        error?: { message: string };
      };
      if (xhr.status >= 400 || !body.report) return setStatus({ kind: "error", text: body.error?.message ?? "Upload failed." });
      const r = body.report;
      const skipped = body.skipped?.map((s) => `${s.file}: ${s.reason}`).join("; ");
      setStatus({
        kind: "ok",
        text: `Ingested: ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.chunksWritten} chunks.${skipped ? ` Skipped ${skipped}.` : ""}`,
      });
      form.reset();
      void reload();
    };
    xhr.onerror = () => {
      setProgress(null);
      setStatus({ kind: "error", text: "The upload failed: check your connection." });
    };
    setProgress(0);
    xhr.send(data);
  };

  const act = async (doc: Doc, action: "delete" | "reingest") => {
    if (action === "delete" && !window.confirm(`Delete "${doc.title}" and its ${doc.chunks} chunks from the knowledge base?`)) return;
    const path = `documents/${encodeURIComponent(doc.id)}`;
    await run(
      () => (action === "delete" ? api(path, { method: "DELETE" }) : api(`${path}/reingest`, { method: "POST" })),
      action === "delete" ? `Deleted "${doc.title}".` : `Re-ingested "${doc.title}".`,
    );
  };

  return (
    <>
      <Panel title="Upload documents">
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            upload(e.currentTarget);
          }}
        >
          <label className="flex flex-col gap-1 text-sm">
            Files (Markdown, text, HTML, PDF, JSONL, MedQuAD XML)
            <input name="files" type="file" multiple required accept=".md,.markdown,.txt,.html,.htm,.pdf,.jsonl,.xml" className="text-sm" />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Source name (optional)
            <input name="source" className={inputClass} placeholder="e.g. Clinic leaflets" />
          </label>
          <Button type="submit" variant="primary" disabled={progress !== null}>
            Upload and ingest
          </Button>
        </form>
        {progress !== null && <progress aria-label="Upload progress" max={100} value={progress} className="mt-2 w-full" />}
        <StatusLine status={status} />
      </Panel>
      <SearchTest />
      <Panel title={data ? `Documents (${docs.length}${docs.length === 100 ? "+" : ""})` : "Documents"}>
        <label className="mb-2 flex items-center gap-2 text-sm">
          Filter by title
          <input value={filter} onChange={(e) => setFilter(e.target.value)} className={inputClass} />
        </label>
        <Refreshing refreshing={refreshing} what="documents" />
        <WideTable label="Documents list" busy={refreshing}>
          <table className="w-full text-left text-sm" data-testid="documents-table">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Source</th>
                <th scope="col">Status</th>
                <th scope="col">Chunks</th>
                <th scope="col">Updated</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {docs.map((d) => (
                <tr key={d.id} className="border-t border-slate-200 dark:border-slate-700">
                  <td>{d.title}</td>
                  <td>{d.source}</td>
                  <td>{d.status}</td>
                  <td>{d.chunks}</td>
                  <td>{new Date(d.updatedAt).toLocaleString()}</td>
                  <td className="flex gap-1">
                    <Button variant="ghost" onClick={() => void act(d, "reingest")} aria-label={`Re-ingest ${d.title}`}>
                      Re-ingest
                    </Button>
                    <Button variant="ghost" onClick={() => void act(d, "delete")} aria-label={`Delete ${d.title}`}>
                      Delete
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </WideTable>
        <ListState
          loading={loading}
          refreshing={refreshing}
          rows={data?.documents.length}
          what="documents"
          empty={filter ? "No document title matches." : "No document yet: upload one above."}
        />
      </Panel>
    </>
  );
}

/**
 * The ranked passages a question gets, as the chat would name its sources ("Asthma — What it
 * is"). Says it is searching (a loaded machine takes seconds), and a failure here, not in the
 * upload panel above.
 */
function SearchTest() {
  const { api } = useAdminResource<never>(null);
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [status, setStatus] = useState<ActionStatus>(null);
  return (
    <Panel title="Search test">
      <form
        className="flex flex-wrap gap-2"
        onSubmit={async (e) => {
          e.preventDefault();
          const q = String(new FormData(e.currentTarget).get("q"));
          setSearching(true);
          setStatus(null);
          try {
            setHits((await api<{ results: Hit[] }>("search", { body: { query: q } })).results);
          } catch (err) {
            setStatus({ kind: "error", text: (err as Error).message });
          } finally {
            setSearching(false);
          }
        }}
      >
        <label className="sr-only" htmlFor="kb-search">
          Test question
        </label>
        <input
          id="kb-search"
          name="q"
          required
          className={`${inputClass} min-w-0 flex-1 sm:min-w-72`}
          placeholder="A question a visitor might ask"
        />
        <Button type="submit" disabled={searching}>
          {searching ? "Searching…" : "Search"}
        </Button>
      </form>
      <StatusLine status={status} />
      {hits && (
        <ol className="mt-3 space-y-2 text-sm" data-testid="search-results" aria-busy={searching}>
          {hits.length === 0 && <li>No passage passes the relevance floors: the chat would say it found nothing.</li>}
          {hits.map((h) => (
            <li key={h.rank} className="rounded border border-slate-200 p-2 dark:border-slate-700">
              <p className="font-medium">
                {h.rank}. {sourceLabel(h)}{" "}
                <span className="font-normal text-slate-600 dark:text-slate-300">(score {h.score.toFixed(3)})</span>
              </p>
              <p className="mt-1">{h.text}</p>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
