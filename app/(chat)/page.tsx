import { ChatApp } from "@/components/chat/chat-app";
import { bannerText, consentText, DISCLAIMER_VERSION } from "@/lib/safety/disclaimers";

export const dynamic = "force-dynamic";

export default function NewChatPage() {
  const id = crypto.randomUUID();
  return (
    <ChatApp
      key={id}
      chatId={id}
      isNew
      initialMessages={[]}
      initialFeedback={{}}
      consentText={consentText()}
      bannerText={bannerText()}
      disclaimerVersion={DISCLAIMER_VERSION}
    />
  );
}
