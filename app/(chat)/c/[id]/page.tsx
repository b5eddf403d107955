import { cookies, headers } from "next/headers";
import { notFound } from "next/navigation";
import { ChatApp } from "@/components/chat/chat-app";
import { getDb } from "@/lib/db";
import { loadConversationView } from "@/lib/chat/history";
import { effectiveEnv } from "@/lib/admin/effective-env";
import { talkToPersonUrl } from "@/lib/chat/disclosure";
import { contactsForAcceptLanguage } from "@/lib/chat/page-locale";
import { isValidVisitorId, VISITOR_COOKIE } from "@/lib/chat/visitor";
import { bannerText, consentText, DISCLAIMER_VERSION } from "@/lib/safety/disclaimers";

export const dynamic = "force-dynamic";

export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const visitorId = (await cookies()).get(VISITOR_COOKIE)?.value;
  if (!isValidVisitorId(visitorId)) notFound();
  const view = await loadConversationView(await getDb(), id, visitorId);
  if (!view) notFound();
  const contacts = contactsForAcceptLanguage((await headers()).get("accept-language"));
  return (
    <ChatApp
      key={id}
      chatId={id}
      isNew={false}
      title={view.title}
      initialMessages={view.messages}
      initialFeedback={view.feedback}
      consentText={consentText(contacts)}
      bannerText={bannerText(contacts)}
      disclaimerVersion={DISCLAIMER_VERSION}
      talkToPersonUrl={talkToPersonUrl(await effectiveEnv())}
    />
  );
}
