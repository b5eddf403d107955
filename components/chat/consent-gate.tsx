"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

/** Modal shown until the visitor accepts that this is educational information, not medical advice. */
export function ConsentGate({ text, storageNote, onAccept }: { text: string; storageNote: string; onAccept: () => void }) {
  const acceptRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    acceptRef.current?.focus();
  }, []);
  return (
    <div className="fixed inset-0 z-50 flex items-end justify-center bg-slate-900/60 p-4 sm:items-center">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="consent-title"
        aria-describedby="consent-text"
        data-testid="consent-gate"
        className="w-full max-w-lg rounded-xl bg-white p-6 shadow-xl dark:bg-slate-800"
        onKeyDown={(e) => {
          // Keep keyboard focus inside the dialog: there is nothing else to interact with yet.
          if (e.key === "Tab") {
            e.preventDefault();
            acceptRef.current?.focus();
          }
        }}
      >
        <h2 id="consent-title" className="text-lg font-semibold">
          Before you start
        </h2>
        <p id="consent-text" className="mt-3 text-sm leading-relaxed text-slate-700 dark:text-slate-200">
          {text}
        </p>
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-300">
          {storageNote} Do not enter names or other details that identify you.
        </p>
        <div className="mt-5 flex justify-end">
          <Button ref={acceptRef} variant="primary" onClick={onAccept}>
            I understand — continue
          </Button>
        </div>
      </div>
    </div>
  );
}
