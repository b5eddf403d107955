// The other texts the server sends in an answer, outside the model output, in the language of
// the message they answer (the languages of the emergency notice, notice-texts.ts): the footer
// on every answer, the answer when the knowledge base has nothing, and the messages of a failed
// answer. Same register as the notice in each language (formal where the notice is: "usted",
// "vous", "Sie"); calm, plain, no blame on the person asking. The numbers come from the locale.
// MedlinePlus is named only where it has pages in that language (English, Spanish); elsewhere
// the answer sends people to a clinician or pharmacist rather than to a site we cannot vouch for.
import type { EmergencyContacts } from "./contacts";
import { forEachLanguage, sayingLocalNumber } from "./local-number";
import type { TriageLanguage } from "./red-flags/types";
import type { AnswerWording } from "./answer-wording";
import { AFRICA_SOUTH_ASIA_ANSWERS } from "./wording-africa-south-asia";

type Numbers = Pick<EmergencyContacts, "emergencyNumber">;

export type { AnswerWording } from "./answer-wording";

const WRITTEN_WORDING: Record<TriageLanguage, AnswerWording> = {
  en: {
    disclaimer: (c) =>
      `MedChat gives general educational information, not medical advice, diagnosis or treatment. Always ask a doctor or other qualified clinician about your situation. In an emergency call ${c.emergencyNumber}.`,
    noPassage: (c) =>
      "I couldn't find this in the MedChat knowledge base, so I can't give you a reliable answer. " +
      "Please ask a doctor, nurse or pharmacist, or look it up on MedlinePlus (https://medlineplus.gov), " +
      `the U.S. National Library of Medicine's health site. If it is urgent, call ${c.emergencyNumber}.`,
    errors: {
      unavailable: (c) =>
        `The answer service is unavailable right now, so MedChat could not answer. Please try again in a moment. If you need help now, contact a clinician, or call ${c.emergencyNumber} in an emergency.`,
      timeout: (c) =>
        `The answer service took too long to respond. Please try again in a moment. In an emergency call ${c.emergencyNumber}.`,
      interrupted: "The answer was interrupted before it finished, so what you see may be incomplete. You can retry.",
      unexpected: "Something went wrong while answering. Please try again.",
      failed: (c) =>
        `The answer service could not process this question. Please try again later. In an emergency call ${c.emergencyNumber}.`,
    },
  },
  es: {
    disclaimer: (c) =>
      `MedChat ofrece información educativa general, no consejo médico, diagnóstico ni tratamiento. Consulte siempre su caso con un médico u otro profesional sanitario. En una emergencia, llame al ${c.emergencyNumber}.`,
    noPassage: (c) =>
      "No he encontrado esto en la base de conocimientos de MedChat, así que no puedo darle una respuesta fiable. " +
      "Pregunte a un médico, enfermero o farmacéutico, o búsquelo en MedlinePlus en español (https://medlineplus.gov/spanish/), " +
      `el sitio de salud de la Biblioteca Nacional de Medicina de EE. UU. Si es urgente, llame al ${c.emergencyNumber}.`,
    errors: {
      unavailable: (c) =>
        `El servicio de respuestas no está disponible ahora mismo, así que MedChat no ha podido responder. Inténtelo de nuevo en un momento. Si necesita ayuda ya, contacte con un profesional sanitario o, en una emergencia, llame al ${c.emergencyNumber}.`,
      timeout: (c) =>
        `El servicio de respuestas ha tardado demasiado. Inténtelo de nuevo en un momento. En una emergencia, llame al ${c.emergencyNumber}.`,
      interrupted: "La respuesta se interrumpió antes de terminar, así que lo que ve puede estar incompleto. Puede volver a intentarlo.",
      unexpected: "Algo salió mal al responder. Vuelva a intentarlo, por favor.",
      failed: (c) =>
        `El servicio de respuestas no ha podido procesar esta pregunta. Inténtelo más tarde. En una emergencia, llame al ${c.emergencyNumber}.`,
    },
  },
  fr: {
    disclaimer: (c) =>
      `MedChat donne des informations éducatives générales, pas un avis médical, un diagnostic ni un traitement. Parlez toujours de votre situation à un médecin ou à un autre professionnel de santé. En cas d'urgence, appelez le ${c.emergencyNumber}.`,
    noPassage: (c) =>
      "Je n'ai pas trouvé cela dans la base de connaissances de MedChat, je ne peux donc pas vous donner de réponse fiable. " +
      `Demandez à un médecin, à un infirmier ou à un pharmacien. Si c'est urgent, appelez le ${c.emergencyNumber}.`,
    errors: {
      unavailable: (c) =>
        `Le service de réponse est indisponible pour le moment, MedChat n'a donc pas pu répondre. Réessayez dans un instant. Si vous avez besoin d'aide maintenant, contactez un professionnel de santé ou, en cas d'urgence, appelez le ${c.emergencyNumber}.`,
      timeout: (c) =>
        `Le service de réponse a mis trop de temps à répondre. Réessayez dans un instant. En cas d'urgence, appelez le ${c.emergencyNumber}.`,
      interrupted: "La réponse a été interrompue avant la fin : ce que vous voyez peut être incomplet. Vous pouvez réessayer.",
      unexpected: "Un problème est survenu pendant la réponse. Veuillez réessayer.",
      failed: (c) =>
        `Le service de réponse n'a pas pu traiter cette question. Réessayez plus tard. En cas d'urgence, appelez le ${c.emergencyNumber}.`,
    },
  },
  de: {
    disclaimer: (c) =>
      `MedChat gibt allgemeine Informationen zur Aufklärung, keine medizinische Beratung, Diagnose oder Behandlung. Besprechen Sie Ihre Situation immer mit einer Ärztin, einem Arzt oder anderem Fachpersonal. Im Notfall rufen Sie ${c.emergencyNumber}.`,
    noPassage: (c) =>
      "Dazu habe ich in der Wissensbasis von MedChat nichts gefunden und kann Ihnen deshalb keine verlässliche Antwort geben. " +
      `Bitte fragen Sie eine Ärztin, einen Arzt, eine Pflegekraft oder Ihre Apotheke. Wenn es dringend ist, rufen Sie ${c.emergencyNumber}.`,
    errors: {
      unavailable: (c) =>
        `Der Antwortdienst ist gerade nicht erreichbar, deshalb konnte MedChat nicht antworten. Bitte versuchen Sie es gleich noch einmal. Wenn Sie jetzt Hilfe brauchen, wenden Sie sich an medizinisches Fachpersonal oder rufen Sie im Notfall ${c.emergencyNumber}.`,
      timeout: (c) =>
        `Der Antwortdienst hat zu lange gebraucht. Bitte versuchen Sie es gleich noch einmal. Im Notfall rufen Sie ${c.emergencyNumber}.`,
      interrupted:
        "Die Antwort wurde unterbrochen, bevor sie fertig war; was Sie sehen, ist vielleicht unvollständig. Sie können es erneut versuchen.",
      unexpected: "Beim Antworten ist etwas schiefgegangen. Bitte versuchen Sie es erneut.",
      failed: (c) =>
        `Der Antwortdienst konnte diese Frage nicht bearbeiten. Bitte versuchen Sie es später noch einmal. Im Notfall rufen Sie ${c.emergencyNumber}.`,
    },
  },
  pt: {
    disclaimer: (c) =>
      `O MedChat dá informação educativa geral, não aconselhamento médico, diagnóstico nem tratamento. Fale sempre da sua situação com um médico ou outro profissional de saúde. Numa emergência, ligue para o ${c.emergencyNumber}.`,
    noPassage: (c) =>
      "Não encontrei isto na base de conhecimento do MedChat, por isso não lhe posso dar uma resposta fiável. " +
      `Pergunte a um médico, enfermeiro ou farmacêutico. Se for urgente, ligue para o ${c.emergencyNumber}.`,
    errors: {
      unavailable: (c) =>
        `O serviço de respostas não está disponível neste momento, por isso o MedChat não conseguiu responder. Tente de novo daqui a pouco. Se precisa de ajuda já, contacte um profissional de saúde ou, numa emergência, ligue para o ${c.emergencyNumber}.`,
      timeout: (c) =>
        `O serviço de respostas demorou demasiado. Tente de novo daqui a pouco. Numa emergência, ligue para o ${c.emergencyNumber}.`,
      interrupted: "A resposta foi interrompida antes de terminar, por isso o que vê pode estar incompleto. Pode tentar de novo.",
      unexpected: "Ocorreu um erro ao responder. Pode tentar de novo.",
      failed: (c) =>
        `O serviço de respostas não conseguiu tratar esta pergunta. Tente mais tarde. Numa emergência, ligue para o ${c.emergencyNumber}.`,
    },
  },
  it: {
    disclaimer: (c) =>
      `MedChat fornisce informazioni educative generali, non consigli medici, diagnosi o cure. Parli sempre della sua situazione con un medico o un altro professionista sanitario. In caso di emergenza chiami il ${c.emergencyNumber}.`,
    noPassage: (c) =>
      "Non ho trovato questo nella base di conoscenza di MedChat, quindi non posso darle una risposta affidabile. " +
      `Chieda a un medico, a un infermiere o al farmacista. Se è urgente, chiami il ${c.emergencyNumber}.`,
    errors: {
      unavailable: (c) =>
        `Il servizio di risposta non è disponibile in questo momento, quindi MedChat non ha potuto rispondere. Riprovi tra poco. Se ha bisogno di aiuto subito, si rivolga a un professionista sanitario o, in caso di emergenza, chiami il ${c.emergencyNumber}.`,
      timeout: (c) =>
        `Il servizio di risposta ha impiegato troppo tempo. Riprovi tra poco. In caso di emergenza chiami il ${c.emergencyNumber}.`,
      interrupted: "La risposta si è interrotta prima della fine, quindi ciò che vede potrebbe essere incompleto. Può riprovare.",
      unexpected: "Si è verificato un problema durante la risposta. Può riprovare.",
      failed: (c) =>
        `Il servizio di risposta non è riuscito a elaborare questa domanda. Riprovi più tardi. In caso di emergenza chiami il ${c.emergencyNumber}.`,
    },
  },
  nl: {
    disclaimer: (c) =>
      `MedChat geeft algemene voorlichting, geen medisch advies, diagnose of behandeling. Bespreek je situatie altijd met een arts of andere zorgverlener. Bel bij een noodgeval ${c.emergencyNumber}.`,
    noPassage: (c) =>
      "Ik heb dit niet gevonden in de kennisbank van MedChat, dus ik kan je geen betrouwbaar antwoord geven. " +
      `Vraag het aan een arts, verpleegkundige of apotheker. Is het dringend, bel dan ${c.emergencyNumber}.`,
    errors: {
      unavailable: (c) =>
        `De antwoorddienst is nu niet beschikbaar, dus MedChat kon niet antwoorden. Probeer het zo nog eens. Heb je nu hulp nodig, neem dan contact op met een zorgverlener of bel bij een noodgeval ${c.emergencyNumber}.`,
      timeout: (c) => `De antwoorddienst deed er te lang over. Probeer het zo nog eens. Bel bij een noodgeval ${c.emergencyNumber}.`,
      interrupted:
        "Het antwoord werd onderbroken voordat het klaar was, dus wat je ziet is misschien niet compleet. Je kunt het opnieuw proberen.",
      unexpected: "Er ging iets mis bij het beantwoorden. Probeer het opnieuw.",
      failed: (c) =>
        `De antwoorddienst kon deze vraag niet verwerken. Probeer het later opnieuw. Bel bij een noodgeval ${c.emergencyNumber}.`,
    },
  },
  zh: {
    disclaimer: (c) =>
      `MedChat 提供一般性的健康知识，不是医疗建议、诊断或治疗。您的具体情况请务必咨询医生或其他专业医护人员。紧急情况请拨打 ${c.emergencyNumber}。`,
    noPassage: (c) =>
      `MedChat 的知识库中没有找到相关内容，所以我无法给您可靠的回答。请咨询医生、护士或药剂师。如果情况紧急，请拨打 ${c.emergencyNumber}。`,
    errors: {
      unavailable: (c) =>
        `回答服务暂时不可用，MedChat 无法回答。请稍后再试。如果您现在就需要帮助，请联系医护人员；紧急情况请拨打 ${c.emergencyNumber}。`,
      timeout: (c) => `回答服务响应时间过长。请稍后再试。紧急情况请拨打 ${c.emergencyNumber}。`,
      interrupted: "回答在完成前中断了，您看到的内容可能不完整。您可以重试。",
      unexpected: "回答时出了问题。请重试。",
      failed: (c) => `回答服务无法处理这个问题。请稍后再试。紧急情况请拨打 ${c.emergencyNumber}。`,
    },
  },
  ja: {
    disclaimer: (c) =>
      `MedChat は一般的な健康情報を提供するもので、医療上の助言・診断・治療ではありません。ご自身の状況については必ず医師などの医療専門職に相談してください。緊急時は ${c.emergencyNumber} に電話してください。`,
    noPassage: (c) =>
      `MedChat の知識ベースにこの内容が見つからなかったため、信頼できる回答ができません。医師、看護師、薬剤師に相談してください。急ぎの場合は ${c.emergencyNumber} に電話してください。`,
    errors: {
      unavailable: (c) =>
        `回答サービスが現在利用できないため、MedChat は回答できませんでした。少し待ってからもう一度お試しください。今すぐ助けが必要なときは医療機関に連絡し、緊急時は ${c.emergencyNumber} に電話してください。`,
      timeout: (c) =>
        `回答サービスの応答に時間がかかりすぎました。少し待ってからもう一度お試しください。緊急時は ${c.emergencyNumber} に電話してください。`,
      interrupted: "回答が途中で中断されたため、表示されている内容は不完全かもしれません。もう一度お試しいただけます。",
      unexpected: "回答中に問題が発生しました。もう一度お試しください。",
      failed: (c) =>
        `回答サービスがこの質問を処理できませんでした。後でもう一度お試しください。緊急時は ${c.emergencyNumber} に電話してください。`,
    },
  },
  ko: {
    disclaimer: (c) =>
      `MedChat은 일반적인 건강 정보를 제공할 뿐, 의학적 조언이나 진단, 치료가 아닙니다. 본인의 상황은 반드시 의사나 다른 의료 전문가와 상의하세요. 응급 상황에서는 ${c.emergencyNumber}에 전화하세요.`,
    noPassage: (c) =>
      `MedChat 지식 베이스에서 이 내용을 찾지 못해 믿을 수 있는 답을 드릴 수 없습니다. 의사, 간호사 또는 약사에게 물어보세요. 급한 경우에는 ${c.emergencyNumber}에 전화하세요.`,
    errors: {
      unavailable: (c) =>
        `지금은 답변 서비스를 사용할 수 없어 MedChat이 답하지 못했습니다. 잠시 후 다시 시도해 주세요. 지금 도움이 필요하면 의료진에게 연락하고, 응급 상황에서는 ${c.emergencyNumber}에 전화하세요.`,
      timeout: (c) =>
        `답변 서비스의 응답이 너무 오래 걸렸습니다. 잠시 후 다시 시도해 주세요. 응급 상황에서는 ${c.emergencyNumber}에 전화하세요.`,
      interrupted: "답변이 끝나기 전에 중단되어 보이는 내용이 불완전할 수 있습니다. 다시 시도할 수 있습니다.",
      unexpected: "답변하는 중에 문제가 발생했습니다. 다시 시도해 주세요.",
      failed: (c) =>
        `답변 서비스가 이 질문을 처리하지 못했습니다. 나중에 다시 시도해 주세요. 응급 상황에서는 ${c.emergencyNumber}에 전화하세요.`,
    },
  },
  ar: {
    disclaimer: (c) =>
      `يقدّم MedChat معلومات تثقيفية عامة، وليس نصيحة طبية أو تشخيصاً أو علاجاً. استشر دائماً طبيباً أو مختصاً صحياً مؤهلاً بشأن حالتك. في حالة الطوارئ اتصل بـ ${c.emergencyNumber}.`,
    noPassage: (c) =>
      `لم أجد هذا في قاعدة معارف MedChat، لذلك لا أستطيع أن أعطيك إجابة موثوقة. اسأل طبيباً أو ممرضاً أو صيدلياً. إذا كان الأمر عاجلاً، اتصل بـ ${c.emergencyNumber}.`,
    errors: {
      unavailable: (c) =>
        `خدمة الإجابة غير متاحة الآن، لذلك لم يتمكن MedChat من الرد. حاول مرة أخرى بعد قليل. إذا كنت تحتاج إلى مساعدة الآن، تواصل مع مختص صحي، أو اتصل بـ ${c.emergencyNumber} في حالة الطوارئ.`,
      timeout: (c) => `استغرقت خدمة الإجابة وقتاً طويلاً. حاول مرة أخرى بعد قليل. في حالة الطوارئ اتصل بـ ${c.emergencyNumber}.`,
      interrupted: "انقطعت الإجابة قبل أن تكتمل، لذلك قد يكون ما تراه ناقصاً. يمكنك المحاولة مرة أخرى.",
      unexpected: "حدث خطأ أثناء الإجابة. يُرجى المحاولة مرة أخرى.",
      failed: (c) => `لم تتمكن خدمة الإجابة من معالجة هذا السؤال. حاول لاحقاً. في حالة الطوارئ اتصل بـ ${c.emergencyNumber}.`,
    },
  },
  hi: {
    disclaimer: (c) =>
      `MedChat सामान्य शैक्षिक जानकारी देता है, चिकित्सा सलाह, निदान या इलाज नहीं। अपनी स्थिति के बारे में हमेशा डॉक्टर या किसी योग्य स्वास्थ्यकर्मी से पूछें। आपात स्थिति में ${c.emergencyNumber} पर कॉल करें।`,
    noPassage: (c) =>
      `मुझे यह MedChat के ज्ञान-आधार में नहीं मिला, इसलिए मैं आपको भरोसेमंद जवाब नहीं दे सकता। कृपया किसी डॉक्टर, नर्स या फ़ार्मासिस्ट से पूछें। अगर मामला ज़रूरी है, तो ${c.emergencyNumber} पर कॉल करें।`,
    errors: {
      unavailable: (c) =>
        `जवाब देने वाली सेवा अभी उपलब्ध नहीं है, इसलिए MedChat जवाब नहीं दे सका। कृपया थोड़ी देर में फिर कोशिश करें। अगर अभी मदद चाहिए तो किसी स्वास्थ्यकर्मी से संपर्क करें, या आपात स्थिति में ${c.emergencyNumber} पर कॉल करें।`,
      timeout: (c) => `जवाब देने वाली सेवा ने बहुत देर लगा दी। कृपया थोड़ी देर में फिर कोशिश करें। आपात स्थिति में ${c.emergencyNumber} पर कॉल करें।`,
      interrupted: "जवाब पूरा होने से पहले रुक गया, इसलिए जो आप देख रहे हैं वह अधूरा हो सकता है। आप फिर से कोशिश कर सकते हैं।",
      unexpected: "जवाब देते समय कुछ गड़बड़ हो गई। कृपया फिर से कोशिश करें।",
      failed: (c) => `जवाब देने वाली सेवा इस सवाल को संभाल नहीं सकी। कृपया बाद में फिर कोशिश करें। आपात स्थिति में ${c.emergencyNumber} पर कॉल करें।`,
    },
  },
  ru: {
    disclaimer: (c) =>
      `MedChat даёт общую справочную информацию, а не медицинскую консультацию, диагноз или лечение. Обсуждайте свою ситуацию с врачом или другим медицинским специалистом. В экстренном случае звоните ${c.emergencyNumber}.`,
    noPassage: (c) =>
      `Я не нашёл этого в базе знаний MedChat, поэтому не могу дать надёжный ответ. Спросите врача, медсестру или фармацевта. Если дело срочное, звоните ${c.emergencyNumber}.`,
    errors: {
      unavailable: (c) =>
        `Служба ответов сейчас недоступна, поэтому MedChat не смог ответить. Попробуйте ещё раз чуть позже. Если помощь нужна сейчас, обратитесь к медицинскому специалисту, а в экстренном случае звоните ${c.emergencyNumber}.`,
      timeout: (c) =>
        `Служба ответов отвечала слишком долго. Попробуйте ещё раз чуть позже. В экстренном случае звоните ${c.emergencyNumber}.`,
      interrupted: "Ответ прервался, не закончившись, поэтому то, что вы видите, может быть неполным. Можно попробовать ещё раз.",
      unexpected: "При ответе что-то пошло не так. Попробуйте ещё раз.",
      failed: (c) => `Служба ответов не смогла обработать этот вопрос. Попробуйте позже. В экстренном случае звоните ${c.emergencyNumber}.`,
    },
  },
  uk: {
    disclaimer: (c) =>
      `MedChat надає загальну довідкову інформацію, а не медичну консультацію, діагноз чи лікування. Обговорюйте свою ситуацію з лікарем або іншим медичним фахівцем. У надзвичайній ситуації телефонуйте ${c.emergencyNumber}.`,
    noPassage: (c) =>
      `Я не знайшов цього в базі знань MedChat, тому не можу дати надійну відповідь. Запитайте лікаря, медсестру або фармацевта. Якщо це терміново, телефонуйте ${c.emergencyNumber}.`,
    errors: {
      unavailable: (c) =>
        `Служба відповідей зараз недоступна, тому MedChat не зміг відповісти. Спробуйте ще раз трохи згодом. Якщо допомога потрібна зараз, зверніться до медичного фахівця, а в надзвичайній ситуації телефонуйте ${c.emergencyNumber}.`,
      timeout: (c) =>
        `Служба відповідей відповідала надто довго. Спробуйте ще раз трохи згодом. У надзвичайній ситуації телефонуйте ${c.emergencyNumber}.`,
      interrupted: "Відповідь перервалася, не закінчившись, тому те, що ви бачите, може бути неповним. Можна спробувати ще раз.",
      unexpected: "Під час відповіді щось пішло не так. Спробуйте ще раз.",
      failed: (c) =>
        `Служба відповідей не змогла обробити це питання. Спробуйте пізніше. У надзвичайній ситуації телефонуйте ${c.emergencyNumber}.`,
    },
  },
  pl: {
    disclaimer: (c) =>
      `MedChat podaje ogólne informacje edukacyjne, a nie poradę medyczną, diagnozę ani leczenie. Swoją sytuację zawsze omów z lekarzem lub innym specjalistą. W nagłym wypadku dzwoń pod ${c.emergencyNumber}.`,
    noPassage: (c) =>
      `Nie znalazłem tego w bazie wiedzy MedChat, więc nie mogę dać wiarygodnej odpowiedzi. Zapytaj lekarza, pielęgniarkę lub farmaceutę. Jeśli to pilne, dzwoń pod ${c.emergencyNumber}.`,
    errors: {
      unavailable: (c) =>
        `Usługa odpowiedzi jest teraz niedostępna, więc MedChat nie mógł odpowiedzieć. Spróbuj ponownie za chwilę. Jeśli potrzebujesz pomocy teraz, skontaktuj się z personelem medycznym, a w nagłym wypadku dzwoń pod ${c.emergencyNumber}.`,
      timeout: (c) =>
        `Usługa odpowiedzi odpowiadała zbyt długo. Spróbuj ponownie za chwilę. W nagłym wypadku dzwoń pod ${c.emergencyNumber}.`,
      interrupted: "Odpowiedź została przerwana przed końcem, więc to, co widzisz, może być niepełne. Możesz spróbować ponownie.",
      unexpected: "Podczas odpowiadania coś poszło nie tak. Spróbuj ponownie.",
      failed: (c) =>
        `Usługa odpowiedzi nie mogła przetworzyć tego pytania. Spróbuj później. W nagłym wypadku dzwoń pod ${c.emergencyNumber}.`,
    },
  },
  tr: {
    disclaimer: (c) =>
      `MedChat genel bilgilendirme amaçlı bilgi verir; tıbbi tavsiye, teşhis ya da tedavi değildir. Durumunuzu her zaman bir doktora veya başka bir sağlık uzmanına danışın. Acil durumda ${c.emergencyNumber} arayın.`,
    noPassage: (c) =>
      `Bunu MedChat bilgi tabanında bulamadım, bu yüzden size güvenilir bir yanıt veremiyorum. Lütfen bir doktora, hemşireye ya da eczacıya sorun. Acilse ${c.emergencyNumber} arayın.`,
    errors: {
      unavailable: (c) =>
        `Yanıt hizmeti şu anda kullanılamıyor, bu yüzden MedChat yanıt veremedi. Lütfen biraz sonra yeniden deneyin. Şimdi yardıma ihtiyacınız varsa bir sağlık çalışanına başvurun; acil durumda ${c.emergencyNumber} arayın.`,
      timeout: (c) => `Yanıt hizmeti çok uzun sürdü. Lütfen biraz sonra yeniden deneyin. Acil durumda ${c.emergencyNumber} arayın.`,
      interrupted: "Yanıt tamamlanmadan kesildi; gördüğünüz kısım eksik olabilir. Yeniden deneyebilirsiniz.",
      unexpected: "Yanıt verilirken bir sorun oluştu. Lütfen yeniden deneyin.",
      failed: (c) => `Yanıt hizmeti bu soruyu işleyemedi. Lütfen daha sonra yeniden deneyin. Acil durumda ${c.emergencyNumber} arayın.`,
    },
  },
  vi: {
    disclaimer: (c) =>
      `MedChat cung cấp thông tin giáo dục chung, không phải lời khuyên y tế, chẩn đoán hay điều trị. Hãy luôn hỏi bác sĩ hoặc nhân viên y tế về tình trạng của bạn. Khi khẩn cấp, hãy gọi ${c.emergencyNumber}.`,
    noPassage: (c) =>
      `Tôi không tìm thấy nội dung này trong cơ sở kiến thức của MedChat, nên không thể đưa ra câu trả lời đáng tin cậy. Hãy hỏi bác sĩ, y tá hoặc dược sĩ. Nếu việc gấp, hãy gọi ${c.emergencyNumber}.`,
    errors: {
      unavailable: (c) =>
        `Dịch vụ trả lời hiện không hoạt động, nên MedChat chưa thể trả lời. Vui lòng thử lại sau ít phút. Nếu bạn cần giúp ngay, hãy liên hệ nhân viên y tế, hoặc gọi ${c.emergencyNumber} khi khẩn cấp.`,
      timeout: (c) => `Dịch vụ trả lời phản hồi quá lâu. Vui lòng thử lại sau ít phút. Khi khẩn cấp, hãy gọi ${c.emergencyNumber}.`,
      interrupted: "Câu trả lời bị ngắt trước khi xong, nên nội dung bạn thấy có thể chưa đầy đủ. Bạn có thể thử lại.",
      unexpected: "Đã xảy ra lỗi khi trả lời. Vui lòng thử lại.",
      failed: (c) => `Dịch vụ trả lời không xử lý được câu hỏi này. Vui lòng thử lại sau. Khi khẩn cấp, hãy gọi ${c.emergencyNumber}.`,
    },
  },
  id: {
    disclaimer: (c) =>
      `MedChat memberikan informasi edukasi umum, bukan nasihat medis, diagnosis, atau pengobatan. Selalu tanyakan kondisi Anda kepada dokter atau tenaga kesehatan lain. Dalam keadaan darurat, hubungi ${c.emergencyNumber}.`,
    noPassage: (c) =>
      `Saya tidak menemukan ini di basis pengetahuan MedChat, jadi saya tidak bisa memberi jawaban yang dapat diandalkan. Silakan tanyakan kepada dokter, perawat, atau apoteker. Jika mendesak, hubungi ${c.emergencyNumber}.`,
    errors: {
      unavailable: (c) =>
        `Layanan jawaban sedang tidak tersedia, jadi MedChat tidak bisa menjawab. Silakan coba lagi sebentar lagi. Jika Anda butuh bantuan sekarang, hubungi tenaga kesehatan, atau hubungi ${c.emergencyNumber} dalam keadaan darurat.`,
      timeout: (c) =>
        `Layanan jawaban terlalu lama merespons. Silakan coba lagi sebentar lagi. Dalam keadaan darurat, hubungi ${c.emergencyNumber}.`,
      interrupted: "Jawaban terputus sebelum selesai, jadi yang Anda lihat mungkin belum lengkap. Anda bisa mencoba lagi.",
      unexpected: "Terjadi kesalahan saat menjawab. Silakan coba lagi.",
      failed: (c) =>
        `Layanan jawaban tidak dapat memproses pertanyaan ini. Silakan coba lagi nanti. Dalam keadaan darurat, hubungi ${c.emergencyNumber}.`,
    },
  },
  sv: {
    disclaimer: (c) =>
      `MedChat ger allmän hälsoinformation, inte medicinsk rådgivning, diagnos eller behandling. Prata alltid med en läkare eller annan vårdpersonal om din situation. Vid en nödsituation, ring ${c.emergencyNumber}.`,
    noPassage: (c) =>
      `Jag hittade inte det här i MedChats kunskapsbas, så jag kan inte ge dig ett pålitligt svar. Fråga en läkare, sjuksköterska eller farmaceut. Om det är brådskande, ring ${c.emergencyNumber}.`,
    errors: {
      unavailable: (c) =>
        `Svarstjänsten är inte tillgänglig just nu, så MedChat kunde inte svara. Försök igen om en liten stund. Behöver du hjälp nu, kontakta vårdpersonal, eller ring ${c.emergencyNumber} vid en nödsituation.`,
      timeout: (c) =>
        `Svarstjänsten tog för lång tid på sig. Försök igen om en liten stund. Vid en nödsituation, ring ${c.emergencyNumber}.`,
      interrupted: "Svaret avbröts innan det var klart, så det du ser kan vara ofullständigt. Du kan försöka igen.",
      unexpected: "Något gick fel när svaret skulle skrivas. Försök igen.",
      failed: (c) =>
        `Svarstjänsten kunde inte behandla den här frågan. Försök igen senare. Vid en nödsituation, ring ${c.emergencyNumber}.`,
    },
  },
  th: {
    disclaimer: (c) =>
      `MedChat ให้ข้อมูลความรู้ทั่วไป ไม่ใช่คำแนะนำทางการแพทย์ การวินิจฉัย หรือการรักษา โปรดปรึกษาแพทย์หรือบุคลากรทางการแพทย์เกี่ยวกับอาการของคุณเสมอ กรณีฉุกเฉินโทร ${c.emergencyNumber}`,
    noPassage: (c) =>
      `ไม่พบเรื่องนี้ในฐานความรู้ของ MedChat จึงให้คำตอบที่เชื่อถือได้ไม่ได้ โปรดสอบถามแพทย์ พยาบาล หรือเภสัชกร ถ้าเป็นเรื่องเร่งด่วน โทร ${c.emergencyNumber}`,
    errors: {
      unavailable: (c) =>
        `ระบบตอบคำถามใช้งานไม่ได้ในขณะนี้ MedChat จึงตอบไม่ได้ โปรดลองใหม่อีกครั้งในอีกสักครู่ ถ้าต้องการความช่วยเหลือตอนนี้ โปรดติดต่อบุคลากรทางการแพทย์ หรือโทร ${c.emergencyNumber} กรณีฉุกเฉิน`,
      timeout: (c) => `ระบบตอบคำถามใช้เวลานานเกินไป โปรดลองใหม่อีกครั้งในอีกสักครู่ กรณีฉุกเฉินโทร ${c.emergencyNumber}`,
      interrupted: "คำตอบถูกตัดก่อนจบ สิ่งที่คุณเห็นอาจไม่ครบถ้วน คุณลองใหม่ได้",
      unexpected: "เกิดข้อผิดพลาดระหว่างการตอบ โปรดลองใหม่อีกครั้ง",
      failed: (c) => `ระบบตอบคำถามไม่สามารถประมวลผลคำถามนี้ได้ โปรดลองใหม่ภายหลัง กรณีฉุกเฉินโทร ${c.emergencyNumber}`,
    },
  },
  tl: {
    disclaimer: (c) =>
      `Ang MedChat ay nagbibigay ng pangkalahatang impormasyong pang-edukasyon, hindi medikal na payo, diagnosis o gamutan. Laging kumonsulta sa doktor o iba pang health professional tungkol sa iyong kalagayan. Kung may emergency, tumawag sa ${c.emergencyNumber}.`,
    noPassage: (c) =>
      `Hindi ko ito nakita sa mga sanggunian ng MedChat, kaya hindi ako makapagbibigay ng maaasahang sagot. Magtanong sa doktor, nars o parmasyutiko. Kung apurahan, tumawag sa ${c.emergencyNumber}.`,
    errors: {
      unavailable: (c) =>
        `Hindi gumagana ang serbisyong sumasagot sa ngayon, kaya hindi nakasagot ang MedChat. Subukan ulit maya-maya. Kung kailangan mo ng tulong ngayon, kumontak sa health professional, o tumawag sa ${c.emergencyNumber} kung may emergency.`,
      timeout: (c) =>
        `Masyadong natagalan ang serbisyong sumasagot. Subukan ulit maya-maya. Kung may emergency, tumawag sa ${c.emergencyNumber}.`,
      interrupted: "Naputol ang sagot bago matapos, kaya maaaring kulang ang nakikita mo. Puwede mong subukan ulit.",
      unexpected: "Nagkaproblema habang sumasagot. Pakisubukan ulit.",
      failed: (c) =>
        `Hindi naproseso ng serbisyong sumasagot ang tanong na ito. Subukan ulit mamaya. Kung may emergency, tumawag sa ${c.emergencyNumber}.`,
    },
  },
  sw: {
    disclaimer: (c) =>
      `MedChat inatoa taarifa za jumla za kielimu, si ushauri wa kitabibu, utambuzi wala matibabu. Daima muulize daktari au mhudumu mwingine wa afya kuhusu hali yako. Katika dharura, piga ${c.emergencyNumber}.`,
    noPassage: (c) =>
      `Sikupata hili katika vyanzo vya MedChat, kwa hiyo siwezi kukupa jibu la kuaminika. Tafadhali muulize daktari, muuguzi au mfamasia. Ikiwa ni haraka, piga ${c.emergencyNumber}.`,
    errors: {
      unavailable: (c) =>
        `Huduma ya majibu haipatikani kwa sasa, kwa hiyo MedChat haikuweza kujibu. Jaribu tena baada ya muda mfupi. Ikiwa unahitaji msaada sasa, wasiliana na mhudumu wa afya, au piga ${c.emergencyNumber} katika dharura.`,
      timeout: (c) =>
        `Huduma ya majibu imechukua muda mrefu mno. Jaribu tena baada ya muda mfupi. Katika dharura, piga ${c.emergencyNumber}.`,
      interrupted: "Jibu lilikatika kabla ya kumalizika, kwa hiyo unachokiona huenda hakijakamilika. Unaweza kujaribu tena.",
      unexpected: "Kuna hitilafu iliyotokea wakati wa kujibu. Tafadhali jaribu tena.",
      failed: (c) => `Huduma ya majibu haikuweza kushughulikia swali hili. Jaribu tena baadaye. Katika dharura, piga ${c.emergencyNumber}.`,
    },
  },
  el: {
    disclaimer: (c) =>
      `Το MedChat δίνει γενικές ενημερωτικές πληροφορίες, όχι ιατρική συμβουλή, διάγνωση ή θεραπεία. Συζητήστε πάντα την περίπτωσή σας με γιατρό ή άλλον επαγγελματία υγείας. Σε επείγουσα περίπτωση καλέστε το ${c.emergencyNumber}.`,
    noPassage: (c) =>
      `Δεν βρήκα κάτι γι' αυτό στη βάση γνώσεων του MedChat, οπότε δεν μπορώ να σας δώσω αξιόπιστη απάντηση. Ρωτήστε έναν γιατρό, νοσηλευτή ή φαρμακοποιό. Αν είναι επείγον, καλέστε το ${c.emergencyNumber}.`,
    errors: {
      unavailable: (c) =>
        `Η υπηρεσία απαντήσεων δεν είναι διαθέσιμη αυτή τη στιγμή, οπότε το MedChat δεν μπόρεσε να απαντήσει. Δοκιμάστε ξανά σε λίγο. Αν χρειάζεστε βοήθεια τώρα, επικοινωνήστε με έναν επαγγελματία υγείας ή, σε επείγουσα περίπτωση, καλέστε το ${c.emergencyNumber}.`,
      timeout: (c) =>
        `Η υπηρεσία απαντήσεων άργησε πολύ να απαντήσει. Δοκιμάστε ξανά σε λίγο. Σε επείγουσα περίπτωση καλέστε το ${c.emergencyNumber}.`,
      interrupted: "Η απάντηση διακόπηκε πριν ολοκληρωθεί, οπότε αυτό που βλέπετε μπορεί να είναι ελλιπές. Μπορείτε να δοκιμάσετε ξανά.",
      unexpected: "Κάτι πήγε στραβά κατά την απάντηση. Δοκιμάστε ξανά.",
      failed: (c) =>
        `Η υπηρεσία απαντήσεων δεν μπόρεσε να επεξεργαστεί αυτή την ερώτηση. Δοκιμάστε ξανά αργότερα. Σε επείγουσα περίπτωση καλέστε το ${c.emergencyNumber}.`,
    },
  },
  ro: {
    disclaimer: (c) =>
      `MedChat oferă informații educative generale, nu sfaturi medicale, diagnostic sau tratament. Discutați întotdeauna situația dumneavoastră cu un medic sau alt profesionist din sănătate. În caz de urgență, sunați la ${c.emergencyNumber}.`,
    noPassage: (c) =>
      `Nu am găsit acest lucru în baza de cunoștințe MedChat, așa că nu vă pot da un răspuns de încredere. Întrebați un medic, o asistentă sau un farmacist. Dacă este urgent, sunați la ${c.emergencyNumber}.`,
    errors: {
      unavailable: (c) =>
        `Serviciul de răspunsuri nu este disponibil acum, așa că MedChat nu a putut răspunde. Încercați din nou peste puțin timp. Dacă aveți nevoie de ajutor acum, contactați un profesionist din sănătate sau, în caz de urgență, sunați la ${c.emergencyNumber}.`,
      timeout: (c) =>
        `Serviciul de răspunsuri a răspuns prea greu. Încercați din nou peste puțin timp. În caz de urgență, sunați la ${c.emergencyNumber}.`,
      interrupted: "Răspunsul a fost întrerupt înainte de final, așa că ce vedeți poate fi incomplet. Puteți încerca din nou.",
      unexpected: "A apărut o problemă în timpul răspunsului. Încercați din nou.",
      failed: (c) =>
        `Serviciul de răspunsuri nu a putut procesa această întrebare. Încercați din nou mai târziu. În caz de urgență, sunați la ${c.emergencyNumber}.`,
    },
  },
  cs: {
    disclaimer: (c) =>
      `MedChat poskytuje obecné vzdělávací informace, ne lékařskou radu, diagnózu ani léčbu. O své situaci se vždy poraďte s lékařem nebo jiným zdravotníkem. V naléhavé situaci volejte ${c.emergencyNumber}.`,
    noPassage: (c) =>
      `Tohle jsem ve znalostní bázi MedChat nenašel, takže vám nemohu dát spolehlivou odpověď. Zeptejte se prosím lékaře, zdravotní sestry nebo lékárníka. Pokud je to naléhavé, volejte ${c.emergencyNumber}.`,
    errors: {
      unavailable: (c) =>
        `Služba odpovědí teď není dostupná, takže MedChat nemohl odpovědět. Zkuste to prosím za chvíli znovu. Pokud potřebujete pomoc hned, obraťte se na lékaře, nebo v naléhavé situaci volejte ${c.emergencyNumber}.`,
      timeout: (c) =>
        `Služba odpovědí odpovídala příliš dlouho. Zkuste to prosím za chvíli znovu. V naléhavé situaci volejte ${c.emergencyNumber}.`,
      interrupted: "Odpověď se přerušila dřív, než byla hotová, takže to, co vidíte, nemusí být úplné. Můžete to zkusit znovu.",
      unexpected: "Při odpovídání se něco pokazilo. Zkuste to prosím znovu.",
      failed: (c) =>
        `Služba odpovědí tuto otázku nedokázala zpracovat. Zkuste to později znovu. V naléhavé situaci volejte ${c.emergencyNumber}.`,
    },
  },
  fa: {
    disclaimer: (c) =>
      `MedChat اطلاعات آموزشی عمومی ارائه می‌دهد، نه توصیه پزشکی، تشخیص یا درمان. درباره وضعیت خود همیشه با پزشک یا کادر درمانی مشورت کنید. در شرایط اورژانسی با ${c.emergencyNumber} تماس بگیرید.`,
    noPassage: (c) =>
      `این مورد را در پایگاه دانش MedChat پیدا نکردم، پس نمی‌توانم پاسخ قابل اعتمادی بدهم. لطفاً از پزشک، پرستار یا داروساز بپرسید. اگر فوری است، با ${c.emergencyNumber} تماس بگیرید.`,
    errors: {
      unavailable: (c) =>
        `سرویس پاسخ‌دهی الان در دسترس نیست، بنابراین MedChat نتوانست پاسخ دهد. لطفاً کمی بعد دوباره امتحان کنید. اگر همین حالا به کمک نیاز دارید، با پزشک تماس بگیرید یا در شرایط اورژانسی با ${c.emergencyNumber} تماس بگیرید.`,
      timeout: (c) =>
        `سرویس پاسخ‌دهی بیش از حد طول کشید. لطفاً کمی بعد دوباره امتحان کنید. در شرایط اورژانسی با ${c.emergencyNumber} تماس بگیرید.`,
      interrupted: "پاسخ پیش از تمام شدن قطع شد، پس ممکن است آنچه می‌بینید کامل نباشد. می‌توانید دوباره امتحان کنید.",
      unexpected: "هنگام پاسخ دادن مشکلی پیش آمد. لطفاً دوباره امتحان کنید.",
      failed: (c) =>
        `سرویس پاسخ‌دهی نتوانست این سؤال را پردازش کند. لطفاً بعداً دوباره امتحان کنید. در شرایط اورژانسی با ${c.emergencyNumber} تماس بگیرید.`,
    },
  },
  he: {
    disclaimer: (c) =>
      `MedChat מספק מידע כללי להסברה, לא ייעוץ רפואי, אבחנה או טיפול. בכל מקרה יש להתייעץ עם רופא או איש צוות רפואי מוסמך. במצב חירום יש להתקשר ל-${c.emergencyNumber}.`,
    noPassage: (c) =>
      `לא מצאתי את זה במאגר הידע של MedChat, ולכן אין לי תשובה אמינה. כדאי לשאול רופא, אחות או רוקח. אם זה דחוף, יש להתקשר ל-${c.emergencyNumber}.`,
    errors: {
      unavailable: (c) =>
        `שירות התשובות אינו זמין כרגע, ולכן MedChat לא הצליח לענות. אפשר לנסות שוב בעוד רגע. אם צריך עזרה עכשיו, יש לפנות לרופא, ובמצב חירום להתקשר ל-${c.emergencyNumber}.`,
      timeout: (c) => `שירות התשובות התעכב יותר מדי. אפשר לנסות שוב בעוד רגע. במצב חירום יש להתקשר ל-${c.emergencyNumber}.`,
      interrupted: "התשובה נקטעה לפני שהסתיימה, ולכן ייתכן שהיא חלקית. אפשר לנסות שוב.",
      unexpected: "משהו השתבש במהלך התשובה. אפשר לנסות שוב.",
      failed: (c) => `שירות התשובות לא הצליח לטפל בשאלה הזאת. אפשר לנסות שוב מאוחר יותר. במצב חירום יש להתקשר ל-${c.emergencyNumber}.`,
    },
  },
  ur: {
    disclaimer: (c) =>
      `MedChat عمومی تعلیمی معلومات دیتا ہے، طبی مشورہ، تشخیص یا علاج نہیں۔ اپنی صورتحال کے بارے میں ہمیشہ کسی ڈاکٹر یا مستند طبی ماہر سے مشورہ کریں۔ ہنگامی صورتحال میں ${c.emergencyNumber} پر کال کریں۔`,
    noPassage: (c) =>
      `مجھے یہ MedChat کے علمی ذخیرے میں نہیں ملا، اس لیے میں قابلِ اعتماد جواب نہیں دے سکتا۔ براہِ کرم کسی ڈاکٹر، نرس یا فارماسسٹ سے پوچھیں۔ اگر معاملہ فوری ہے تو ${c.emergencyNumber} پر کال کریں۔`,
    errors: {
      unavailable: (c) =>
        `جواب دینے والی سروس اس وقت دستیاب نہیں، اس لیے MedChat جواب نہیں دے سکا۔ براہِ کرم تھوڑی دیر بعد دوبارہ کوشش کریں۔ اگر آپ کو ابھی مدد چاہیے تو کسی معالج سے رابطہ کریں، یا ہنگامی صورتحال میں ${c.emergencyNumber} پر کال کریں۔`,
      timeout: (c) =>
        `جواب دینے والی سروس نے بہت زیادہ وقت لیا۔ براہِ کرم تھوڑی دیر بعد دوبارہ کوشش کریں۔ ہنگامی صورتحال میں ${c.emergencyNumber} پر کال کریں۔`,
      interrupted: "جواب مکمل ہونے سے پہلے رک گیا، اس لیے جو آپ دیکھ رہے ہیں وہ ادھورا ہو سکتا ہے۔ آپ دوبارہ کوشش کر سکتے ہیں۔",
      unexpected: "جواب کے دوران کوئی مسئلہ پیش آیا۔ براہِ کرم دوبارہ کوشش کریں۔",
      failed: (c) =>
        `جواب دینے والی سروس اس سوال پر کارروائی نہیں کر سکی۔ بعد میں دوبارہ کوشش کریں۔ ہنگامی صورتحال میں ${c.emergencyNumber} پر کال کریں۔`,
    },
  },
  bn: {
    disclaimer: (c) =>
      `MedChat সাধারণ শিক্ষামূলক তথ্য দেয়, চিকিৎসা পরামর্শ, রোগনির্ণয় বা চিকিৎসা নয়। নিজের অবস্থার বিষয়ে সবসময় একজন ডাক্তার বা যোগ্য স্বাস্থ্যকর্মীর পরামর্শ নিন। জরুরি অবস্থায় ${c.emergencyNumber} নম্বরে কল করুন।`,
    noPassage: (c) =>
      `MedChat-এর তথ্যভান্ডারে এটি খুঁজে পাইনি, তাই নির্ভরযোগ্য উত্তর দিতে পারছি না। অনুগ্রহ করে একজন ডাক্তার, নার্স বা ফার্মাসিস্টকে জিজ্ঞেস করুন। জরুরি হলে ${c.emergencyNumber} নম্বরে কল করুন।`,
    errors: {
      unavailable: (c) =>
        `উত্তর দেওয়ার পরিষেবা এখন পাওয়া যাচ্ছে না, তাই MedChat উত্তর দিতে পারেনি। একটু পরে আবার চেষ্টা করুন। এখনই সাহায্য দরকার হলে একজন চিকিৎসকের সঙ্গে যোগাযোগ করুন, বা জরুরি অবস্থায় ${c.emergencyNumber} নম্বরে কল করুন।`,
      timeout: (c) => `উত্তর দেওয়ার পরিষেবা অনেক বেশি সময় নিয়েছে। একটু পরে আবার চেষ্টা করুন। জরুরি অবস্থায় ${c.emergencyNumber} নম্বরে কল করুন।`,
      interrupted: "উত্তরটি শেষ হওয়ার আগেই থেমে গেছে, তাই যা দেখছেন তা অসম্পূর্ণ হতে পারে। আবার চেষ্টা করতে পারেন।",
      unexpected: "উত্তর দেওয়ার সময় একটি সমস্যা হয়েছে। আবার চেষ্টা করুন।",
      failed: (c) =>
        `উত্তর দেওয়ার পরিষেবা এই প্রশ্নটি প্রক্রিয়া করতে পারেনি। পরে আবার চেষ্টা করুন। জরুরি অবস্থায় ${c.emergencyNumber} নম্বরে কল করুন।`,
    },
  },
  hu: {
    disclaimer: (c) =>
      `A MedChat általános ismeretterjesztő információt ad, nem orvosi tanácsot, diagnózist vagy kezelést. A saját helyzetéről mindig kérdezzen orvost vagy más egészségügyi szakembert. Vészhelyzetben hívja a ${c.emergencyNumber} számot.`,
    noPassage: (c) =>
      `Ezt nem találtam a MedChat tudásbázisában, ezért nem tudok megbízható választ adni. Kérdezzen orvost, ápolót vagy gyógyszerészt. Ha sürgős, hívja a ${c.emergencyNumber} számot.`,
    errors: {
      unavailable: (c) =>
        `A válaszszolgáltatás most nem érhető el, ezért a MedChat nem tudott válaszolni. Próbálja újra egy kicsit később. Ha most van szüksége segítségre, forduljon orvoshoz, vagy vészhelyzetben hívja a ${c.emergencyNumber} számot.`,
      timeout: (c) =>
        `A válaszszolgáltatás túl sokáig válaszolt. Próbálja újra egy kicsit később. Vészhelyzetben hívja a ${c.emergencyNumber} számot.`,
      interrupted: "A válasz megszakadt, mielőtt befejeződött volna, ezért amit lát, hiányos lehet. Megpróbálhatja újra.",
      unexpected: "Hiba történt a válasz közben. Próbálja újra.",
      failed: (c) =>
        `A válaszszolgáltatás nem tudta feldolgozni ezt a kérdést. Próbálja újra később. Vészhelyzetben hívja a ${c.emergencyNumber} számot.`,
    },
  },
  ...AFRICA_SOUTH_ASIA_ANSWERS,
};

/** A language's answer texts, which say "your local emergency number" when the contacts have no number (local-number.ts). */
function withLocalNumber(language: TriageLanguage, wording: AnswerWording): AnswerWording {
  const spoken = (text: (c: Numbers) => string) => sayingLocalNumber(text, language);
  const { errors } = wording;
  return {
    disclaimer: spoken(wording.disclaimer),
    noPassage: spoken(wording.noPassage),
    errors: { ...errors, unavailable: spoken(errors.unavailable), timeout: spoken(errors.timeout), failed: spoken(errors.failed) },
  };
}

export const ANSWER_WORDING = forEachLanguage(WRITTEN_WORDING, withLocalNumber);

/** The language whose footer (`disclaimer`, whatever the number in it) `text` is: how a stored answer tells the language it was written in. */
export function answerLanguageOfFooter(text: string): TriageLanguage | undefined {
  const marker = "\u0000";
  for (const [language, wording] of Object.entries(ANSWER_WORDING) as [TriageLanguage, AnswerWording][]) {
    const [before, after = ""] = wording.disclaimer({ emergencyNumber: marker }).split(marker);
    if (text.length >= before.length + after.length && text.startsWith(before) && text.endsWith(after)) return language;
  }
  return undefined;
}

/** The answer texts in `language` (English when none is given). */
export function answerWordingFor(language: TriageLanguage | undefined): AnswerWording {
  return ANSWER_WORDING[language ?? "en"] ?? ANSWER_WORDING.en;
}
