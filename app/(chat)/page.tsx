import { headers } from "next/headers";
import { ChatApp } from "@/components/chat/chat-app";
import { effectiveEnv } from "@/lib/admin/effective-env";
import { talkToPersonUrl } from "@/lib/chat/disclosure";
import { exampleQuestions } from "@/lib/chat/example-questions";
import { contactsForAcceptLanguage } from "@/lib/chat/page-locale";
import { bannerText, consentText, DISCLAIMER_VERSION } from "@/lib/safety/disclaimers";

export const dynamic = "force-dynamic";

export default async function NewChatPage() {
  const id = crypto.randomUUID();
  const contacts = contactsForAcceptLanguage((await headers()).get("accept-language"));
  const env = await effectiveEnv();
  return (
    <ChatApp
      key={id}
      chatId={id}
      isNew
      initialMessages={[]}
      initialFeedback={{}}
      consentText={consentText(contacts)}
      bannerText={bannerText(contacts)}
      disclaimerVersion={DISCLAIMER_VERSION}
      talkToPersonUrl={talkToPersonUrl(env)}
      exampleQuestions={exampleQuestions(env)}
    />
  );
}
