// The widget's chat panel, loaded in an iframe by /widget.js on a registered site.
// proxy.ts sends `frame-ancestors` with the site's origins only; this page refuses
// unknown or disabled sites and origins the site does not list.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { WidgetPanel } from "@/components/widget/widget-panel";
import { effectiveEnv } from "@/lib/admin/effective-env";
import { talkToPersonUrl } from "@/lib/chat/disclosure";
import { exampleQuestions } from "@/lib/chat/example-questions";
import { contactsForAcceptLanguage } from "@/lib/chat/page-locale";
import { getDb } from "@/lib/db";
import { bannerText, consentText, DISCLAIMER_VERSION } from "@/lib/safety/disclaimers";
import { authorizeWidget, WidgetSiteError } from "@/lib/widget/sites";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "MedChat", robots: { index: false, follow: false } };

type SearchParams = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined, max: number) => (typeof value === "string" ? value.slice(0, max) : "");

export default async function EmbedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const siteKey = one(params.site, 64);
  const hostOrigin = one(params.origin, 300);
  let authorized;
  try {
    authorized = await authorizeWidget(await getDb(), siteKey, hostOrigin);
  } catch (error) {
    if (!(error instanceof WidgetSiteError)) throw error;
    return (
      <main className="flex h-dvh items-center justify-center p-6 text-center" data-testid="widget-refused">
        <div>
          <h1 className="text-base font-semibold">This chat is not available here</h1>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{error.message}</p>
        </div>
      </main>
    );
  }
  const { site, origin } = authorized;
  const contacts = contactsForAcceptLanguage((await headers()).get("accept-language"));
  const env = await effectiveEnv();
  return (
    <WidgetPanel
      siteKey={site.id}
      hostOrigin={origin}
      title={one(params.title, 60) || site.name}
      greeting={one(params.greeting, 300) || undefined}
      theme={params.theme === "dark" ? "dark" : "light"}
      talkToPersonUrl={site.talkToPersonUrl ?? talkToPersonUrl(env)}
      exampleQuestions={exampleQuestions(env)}
      consentText={consentText(contacts)}
      bannerText={bannerText(contacts)}
      disclaimerVersion={DISCLAIMER_VERSION}
    />
  );
}
