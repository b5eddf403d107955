// Emergency numbers and crisis lines per locale. Defaults follow the brief (911 and
// 988 in the US); EMERGENCY_NUMBER / CRISIS_LINE override the default locale and
// EMERGENCY_CONTACTS (JSON: {"en-GB": {"emergencyNumber": "999", ...}}) any locale.
//
// Checked on 2026-12-04 against these public sources (no live call was made):
// - th-TH 1669: nationwide EMS number, UN DPIDG case study of the Emergency Medical
//   Institute of Thailand (publicadministration.un.org/en/Research/Case-Studies/unpsacases/ctl/NominationProfile/mid/1170/id/1530)
//   and niems.go.th ("Digital Cloud 1669", nationthailand.com/news/general/40060260).
// - th-TH 1323: Department of Mental Health 24-hour hotline (bangkokpost.com/lifestyle/social-and-lifestyle/1106785,
//   asianews.network "hotline capacity tripled", 2025).
// - en-US 988: call or text, FCC-designated (health.wyo.gov/publichealth/prevention/wivpp/suicide-prevention/988-suicide-crisis-lifeline).
// - en-GB / en-IE 116 123: samaritans.org/how-we-can-help/contact-samaritan.
// - fr-FR 3114: service-public.fr/particuliers/actualites/A15206 (Premier ministre, DILA).
// - es-ES 024: Ministerio de Sanidad launch, rtve.es/noticias/20220509/sanidad-presenta-telefono-prevencion-suicidio/2347183.shtml (BOE 20-12-2021).
// - pt-BR 188: CVV free nationwide since 2018 with the Ministério da Saúde (pt.wikipedia.org/wiki/Centro_de_Valorização_da_Vida).
// - nl-NL 113 and 0800-0113: 113 Zelfmoordpreventie (113.nl; nu.nl/binnenland/6062813).
// - ko-KR 109: national suicide prevention line since 2024-01-01, replacing 1393 (Ministry of Health and Welfare, m.hankookilbo.com A2024010316570003218).
// - zh-CN 12356: national psychological assistance line (National Health Commission notice of 2024-12-25, live by 2025-05-01).
// - hi-IN / en-IN 14416: Tele-MANAS (Ministry of Health and Family Welfare; livemint.com 2023-07-22).
// - de-DE 0800 111 0 111: TelefonSeelsorge, free and 24 h (domradio.de/glossar/telefonseelsorge-0, spektrum.de 2022).
// - en-AU 13 11 14: Lifeline Australia (lifelineh2h.org.au/get-help/telephone-crisis-support/faqs).
// - sv-SE 90101: Mind Självmordslinjen, 24 h (Mind press release, newsroom.notified.com/mind-1).
// - ja-JP 0570-783-556: the navi-dial (paid, ナビダイヤル) of 日本いのちの電話 (the federation of
//   Inochi no Denwa centres), correct and kept. The same federation runs the free-dial
//   0120-783-556 (自殺予防いのちの電話, free, limited hours); the MHLW's unified line
//   こころの健康相談統一ダイヤル is 0570-064-556 (routes to the prefecture's centre). The notice
//   names the navi-dial and, in the name, the free-dial; neither replaces the other.
// Checked on 2026-12-05 against these public sources (no live call was made):
// - en-CA / fr-CA 988: 9-8-8 Suicide Crisis Helpline, call or text, English and French, since
//   2023-11-30 (Government of Canada release, newswire.ca/news-releases/…-896472116.html).
// - en-NZ 1737: "Need to talk?", free call or text, 24/7 (health.govt.nz news item of 2019-03-17).
// - de-AT 142: TelefonSeelsorge, official emergency-number status, free, 24 h (ots.at OTM_20230425_OTM0006).
// - de-CH / fr-CH / it-CH 143: Die Dargebotene Hand / La Main Tendue / Telefono Amico (srf.ch, 143.ch).
// - fr-BE 0800 32 123 (Centre de Prévention du Suicide, 24 h) and nl-BE 1813 (Zelfmoordlijn)
//   (brusselstimes.com/belgium/1952875, bx1.be).
// - es-MX 800 911 2000: Línea de la Vida, CONASAMA, free, 24 h (eluniversal.com.mx, 2025-12).
// - it-IT 02 2327 2327: Telefono Amico Italia's single number since 2020 (corriere.it); its
//   volunteers answer 10:00–24:00, not around the clock.
// - pt-PT 808 24 24 24, option 4: SNS 24 psychological counselling, 24/7 (sns24.gov.pt).
// - zh-TW 1925: 安心專線, Ministry of Health and Welfare, 24 h (udn.com 2026-02-13).
// - zh-HK 2389 2222: Samaritan Befrienders Hong Kong 24-hour hotline (csrp.hku.hk/getting-help).
// - uk-UA 7333: Lifeline Ukraine, national suicide prevention line (lifelineukraine.com).
// - pl-PL 116 123: Kryzysowy Telefon Zaufania (NASK / Niebieska Linia; zdrowie.wprost.pl 2023-10).
// - id-ID 119 ext. 8: SEJIWA, relaunched 2022-11 for all psychological concerns (mediusnews.com).
// Not verified here, so the emergency number stands in as the crisis line: tl-PH / fil-PH (the NCMH
// line), sw-KE, ar-EG / ar-SA / ar-AE, ru-RU, tr-TR, vi-VN, el-GR / el-CY, ro-RO (added 2026-12-05 with
// blind round 14; 112 is the EU-wide number in all three). The emergency numbers other than 1669
// (the well-known 112 / 911 / 999 / 000 / 111 / 119 / 120 / 144 / 192 / 115 / 123 / 997 / 998) were
// not re-checked one by one.
import { z } from "zod";
import { emergencyNumberOfRegion } from "./emergency-numbers";

export interface EmergencyContacts {
  locale: string;
  emergencyNumber: string;
  crisisLine: string;
  crisisLineName: string;
}

type Contacts = Omit<EmergencyContacts, "locale">;

// A crisis line's name is written without its number and without brackets: the notice writes
// "988 (Suicide & Crisis Lifeline)" itself (crisisLineLabel below).
const BUILT_IN: Record<string, Contacts> = {
  "en-US": { emergencyNumber: "911", crisisLine: "988", crisisLineName: "Suicide & Crisis Lifeline" },
  "en-CA": { emergencyNumber: "911", crisisLine: "988", crisisLineName: "Suicide Crisis Helpline" },
  "en-GB": { emergencyNumber: "999", crisisLine: "116 123", crisisLineName: "Samaritans" },
  "en-IE": { emergencyNumber: "112", crisisLine: "116 123", crisisLineName: "Samaritans" },
  "en-AU": { emergencyNumber: "000", crisisLine: "13 11 14", crisisLineName: "Lifeline" },
  "en-NZ": { emergencyNumber: "111", crisisLine: "1737", crisisLineName: "Need to talk?" },
  "fr-FR": { emergencyNumber: "112", crisisLine: "3114", crisisLineName: "numéro national de prévention du suicide" },
  "de-DE": { emergencyNumber: "112", crisisLine: "0800 111 0 111", crisisLineName: "TelefonSeelsorge" },
  "es-ES": { emergencyNumber: "112", crisisLine: "024", crisisLineName: "Línea 024" },
  // Further locales the triage languages meet; only well-known national numbers.
  "es-US": { emergencyNumber: "911", crisisLine: "988", crisisLineName: "Lifeline, opción 2 para español" },
  "es-MX": { emergencyNumber: "911", crisisLine: "800 911 2000", crisisLineName: "Línea de la Vida" },
  "fr-BE": { emergencyNumber: "112", crisisLine: "0800 32 123", crisisLineName: "Centre de Prévention du Suicide" },
  "fr-CH": { emergencyNumber: "144", crisisLine: "143", crisisLineName: "La Main Tendue" },
  "fr-CA": { emergencyNumber: "911", crisisLine: "988", crisisLineName: "ligne d'aide en cas de crise de suicide" },
  "de-AT": { emergencyNumber: "112", crisisLine: "142", crisisLineName: "TelefonSeelsorge" },
  "de-CH": { emergencyNumber: "144", crisisLine: "143", crisisLineName: "Die Dargebotene Hand" },
  "it-IT": { emergencyNumber: "112", crisisLine: "02 2327 2327", crisisLineName: "Telefono Amico Italia" },
  "it-CH": { emergencyNumber: "144", crisisLine: "143", crisisLineName: "Telefono Amico" },
  "pt-PT": { emergencyNumber: "112", crisisLine: "808 24 24 24", crisisLineName: "SNS 24, aconselhamento psicológico" },
  "pt-BR": { emergencyNumber: "192", crisisLine: "188", crisisLineName: "CVV — Centro de Valorização da Vida" },
  "nl-NL": { emergencyNumber: "112", crisisLine: "113", crisisLineName: "Zelfmoordpreventie, of 0800-0113" },
  "nl-BE": { emergencyNumber: "112", crisisLine: "1813", crisisLineName: "Zelfmoordlijn" },
  // Locales of the languages added later. Where no national crisis line is well established,
  // the crisis line is the emergency number itself rather than a guessed number.
  "zh-CN": { emergencyNumber: "120", crisisLine: "12356", crisisLineName: "全国心理援助热线" },
  "zh-TW": { emergencyNumber: "119", crisisLine: "1925", crisisLineName: "安心專線" },
  "zh-HK": { emergencyNumber: "999", crisisLine: "2389 2222", crisisLineName: "香港撒瑪利亞防止自殺會" },
  "ja-JP": {
    emergencyNumber: "119",
    crisisLine: "0570-783-556",
    crisisLineName: "日本いのちの電話・ナビダイヤル／フリーダイヤル 0120-783-556",
  },
  "ko-KR": { emergencyNumber: "119", crisisLine: "109", crisisLineName: "자살예방 상담전화" },
  "ar-EG": { emergencyNumber: "123", crisisLine: "123", crisisLineName: "الإسعاف" },
  "ar-SA": { emergencyNumber: "997", crisisLine: "997", crisisLineName: "الهلال الأحمر" },
  "ar-AE": { emergencyNumber: "998", crisisLine: "998", crisisLineName: "الإسعاف" },
  "hi-IN": { emergencyNumber: "112", crisisLine: "14416", crisisLineName: "टेली-मानस" },
  "en-IN": { emergencyNumber: "112", crisisLine: "14416", crisisLineName: "Tele-MANAS" },
  // Tele-MANAS answers in Urdu too; its name as Urdu writes it.
  "ur-IN": { emergencyNumber: "112", crisisLine: "14416", crisisLineName: "ٹیلی مانس" },
  "ru-RU": { emergencyNumber: "112", crisisLine: "112", crisisLineName: "Единый номер экстренных служб" },
  "uk-UA": { emergencyNumber: "112", crisisLine: "7333", crisisLineName: "Lifeline Ukraine" },
  "pl-PL": { emergencyNumber: "112", crisisLine: "116 123", crisisLineName: "Kryzysowy Telefon Zaufania" },
  "tr-TR": { emergencyNumber: "112", crisisLine: "112", crisisLineName: "Acil Çağrı" },
  "vi-VN": { emergencyNumber: "115", crisisLine: "115", crisisLineName: "Cấp cứu" },
  "id-ID": { emergencyNumber: "112", crisisLine: "119", crisisLineName: "SEJIWA, ekstensi 8" },
  "sv-SE": { emergencyNumber: "112", crisisLine: "90101", crisisLineName: "Mind Självmordslinjen" },
  "th-TH": { emergencyNumber: "1669", crisisLine: "1323", crisisLineName: "สายด่วนสุขภาพจิต กรมสุขภาพจิต" },
  // The Philippines: 911 is the national emergency number; the NCMH crisis hotline (1553) is not verified here, so the
  // emergency number stands in for it (check before a deployment there).
  "tl-PH": { emergencyNumber: "911", crisisLine: "911", crisisLineName: "Emergency 911" },
  "fil-PH": { emergencyNumber: "911", crisisLine: "911", crisisLineName: "Emergency 911" },
  // Kenya: 999 (and 112) for emergencies; no crisis line is verified here, so the emergency number stands in.
  "sw-KE": { emergencyNumber: "999", crisisLine: "999", crisisLineName: "Huduma za dharura" },
  // Greece and Romania: 112 is the single European emergency number (in Romania the only one). Their national crisis lines
  // (Greece 1018, Klimaka; Romania 0800 801 200, Alianța Română de Prevenție a Suicidului) are not verified here, so the
  // emergency number stands in for them (check before a deployment there).
  "el-GR": { emergencyNumber: "112", crisisLine: "112", crisisLineName: "Αριθμός έκτακτης ανάγκης" },
  "el-CY": { emergencyNumber: "112", crisisLine: "112", crisisLineName: "Αριθμός έκτακτης ανάγκης" },
  "ro-RO": { emergencyNumber: "112", crisisLine: "112", crisisLineName: "Numărul unic de urgență" },
  // Round 17: Czechia (112) and Israel (101, Magen David Adom), the numbers of emergency-numbers.ts. Their
  // crisis lines are not verified here, so the emergency number stands in (named once, as above).
  "cs-CZ": { emergencyNumber: "112", crisisLine: "112", crisisLineName: "tísňová linka" },
  "he-IL": { emergencyNumber: "101", crisisLine: "101", crisisLineName: "מד״א" },
  // Hungary: 112 (emergency-numbers.ts); its crisis line is not verified here, so 112 stands in.
  "hu-HU": { emergencyNumber: "112", crisisLine: "112", crisisLineName: "egységes segélyhívó" },
};

/** The locales with built-in numbers. */
export const BUILT_IN_LOCALES: readonly string[] = Object.keys(BUILT_IN);

const overrideSchema = z.record(
  z.string(),
  z.object({ emergencyNumber: z.string().min(1), crisisLine: z.string().min(1), crisisLineName: z.string().min(1).optional() }),
);

export function defaultLocale(env: Record<string, string | undefined> = process.env): string {
  return env.DEFAULT_LOCALE || "en-US";
}

function parseOverrides(env: Record<string, string | undefined>): z.infer<typeof overrideSchema> {
  if (!env.EMERGENCY_CONTACTS) return {};
  try {
    const parsed = overrideSchema.safeParse(JSON.parse(env.EMERGENCY_CONTACTS));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/**
 * A bare language tag ("ja", "de": what many browsers send) names no country; it is taken as this
 * locale only where every country in which the language is the main one has the same emergency
 * number, or one that also works there (German: 112 in Germany, Austria, Luxembourg and, beside
 * 144, Switzerland). Spanish, French, Portuguese, Arabic, English, Chinese and Swahili are spoken
 * in countries with different numbers: bare, they get the number-less notice (unless they are
 * the deployment's own language, DEFAULT_LOCALE).
 */
const LANGUAGE_HOME: Readonly<Record<string, string>> = {
  ja: "ja-JP",
  ko: "ko-KR",
  th: "th-TH",
  vi: "vi-VN",
  id: "id-ID",
  hi: "hi-IN",
  tl: "tl-PH",
  fil: "fil-PH",
  // 112 across the countries of each: Poland; Ukraine; Greece and Cyprus; Romania and Moldova;
  // Sweden and Finland; Turkey and Cyprus; the Netherlands and Belgium; Italy, San Marino and
  // Switzerland; Russia and its neighbours (112 on every mobile network).
  pl: "pl-PL",
  uk: "uk-UA",
  el: "el-GR",
  ro: "ro-RO",
  sv: "sv-SE",
  tr: "tr-TR",
  nl: "nl-NL",
  it: "it-IT",
  de: "de-DE",
  ru: "ru-RU",
  // Czech and Hebrew are each the main language of one country. Persian (Iran 115, Afghanistan), Bengali (Bangladesh 999,
  // India 112) and Urdu (Pakistan, India) are not: bare, they get the number-less notice.
  cs: "cs-CZ",
  he: "he-IL",
  hu: "hu-HU",
};

/** Language and region of a BCP 47 tag ("zh-Hans-CN" → zh, CN; "es-419" → es, 419), or undefined when it is not one. */
function parseLocale(tag: string | undefined): { language: string; region?: string } | undefined {
  if (!tag || tag.length > 35) return undefined;
  try {
    const parsed = new Intl.Locale(tag);
    return { language: parsed.language, region: parsed.region };
  } catch {
    return undefined;
  }
}

/**
 * The numbers of a DEFAULT_LOCALE with no entry: a bare language ("en": a deployment for English speakers of several
 * countries) takes its home locale where it has one (LANGUAGE_HOME) and no number otherwise; anything else, en-US's.
 */
function defaultsOfUnlistedLocale(fallback: string): Contacts {
  const tag = parseLocale(fallback);
  if (!tag || tag.region) return BUILT_IN["en-US"];
  const home = LANGUAGE_HOME[tag.language];
  return home && BUILT_IN[home] ? BUILT_IN[home] : { emergencyNumber: "", crisisLine: "", crisisLineName: "" };
}

/** No number: the region is not one the product knows. The texts say "your local emergency number" (local-number.ts). */
function numberless(locale: string): EmergencyContacts {
  return { locale, emergencyNumber: "", crisisLine: "", crisisLineName: "" };
}

/**
 * The contacts for a visitor's locale, never another country's number: the exact locale; else,
 * for a region, a built-in locale of the same country (en-ES → es-ES), else that country's
 * emergency number (emergency-numbers.ts; no crisis line is guessed: the emergency number stands
 * in for it), else no number at all; for a bare language, the deployment's default locale when
 * it is in that language, else the language's home locale where it has one (LANGUAGE_HOME), else
 * no number. No or an invalid locale: the default locale. Configured overrides apply throughout.
 * For the locales whose crisis line is not verified (tl-PH, sw-KE, ar-EG/SA/AE, ru-RU, tr-TR,
 * vi-VN, el-GR/CY, ro-RO: see the header), the notice names only the emergency number and says
 * "call that same number" (notice-texts.ts crisisOne).
 */
export function emergencyContactsFor(locale: string | undefined, env: Record<string, string | undefined> = process.env): EmergencyContacts {
  const fallback = defaultLocale(env);
  const overrides = parseOverrides(env);
  const table: Record<string, Contacts> = { ...BUILT_IN };
  for (const [key, value] of Object.entries(overrides)) {
    table[key] = { ...value, crisisLineName: value.crisisLineName ?? `Crisis line ${value.crisisLine}` };
  }
  const defaults = table[fallback] ?? defaultsOfUnlistedLocale(fallback);
  table[fallback] = {
    emergencyNumber: env.EMERGENCY_NUMBER || defaults.emergencyNumber,
    crisisLine: env.CRISIS_LINE || defaults.crisisLine,
    crisisLineName: env.CRISIS_LINE ? env.CRISIS_LINE_NAME || `Crisis line ${env.CRISIS_LINE}` : defaults.crisisLineName,
  };
  const found = (key: string): EmergencyContacts => ({ locale: key, ...table[key] });
  const tag = parseLocale(locale);
  if (!tag) return found(fallback);
  const requested = tag.region ? `${tag.language}-${tag.region}` : tag.language;
  if (Object.hasOwn(table, requested)) return found(requested);
  if (tag.region) {
    // Another language's locale of the same country lends its numbers; its crisis line's name is written in that language
    // (hi-IN's "टेली-मानस" for a Tamil speaker in India), so the country's English locale is preferred where it has one
    // (en-IN: "Tele-MANAS", a name in Latin letters); a notice in a third language then names the number alone.
    const sameCountry = Object.keys(table).filter((key) => key.includes("-") && key.split("-").pop()?.toUpperCase() === tag.region);
    const lender = sameCountry.find((key) => key.startsWith("en-")) ?? sameCountry[0];
    if (lender) return found(lender);
    const number = emergencyNumberOfRegion(tag.region);
    return number ? { locale: requested, emergencyNumber: number, crisisLine: number, crisisLineName: "" } : numberless(requested);
  }
  if (parseLocale(fallback)?.language === tag.language) return found(fallback);
  const home = LANGUAGE_HOME[tag.language];
  return home && Object.hasOwn(table, home) ? found(home) : numberless(requested);
}

/**
 * The crisis line's name for a notice written in `language`: the locale's own name when the
 * locale speaks that language; the name the same line has for that language in the same country
 * (en-US read in Spanish: the es-US name of 988); otherwise none, since an English name has no
 * place in a Spanish sentence (the number alone is shown).
 */
export function crisisLineNameFor(
  contacts: EmergencyContacts,
  language: string,
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  const [own, region] = contacts.locale.split("-");
  if (own === language) return contacts.crisisLineName;
  if (!region) return undefined;
  const sibling = emergencyContactsFor(`${language}-${region}`, env);
  return sibling.locale === `${language}-${region}` && sibling.crisisLine === contacts.crisisLine ? sibling.crisisLineName : undefined;
}

/**
 * "988 (Suicide & Crisis Lifeline)": the number, then the name in brackets (`open` / `close`:
 * full-width in Chinese and Japanese). A configured name that repeats the number or holds
 * brackets of its own ("988 Lifeline (call or text)") is cleaned, so the notice never reads
 * "988 (988 … (…))"; without a name, the number alone.
 */
export function crisisLineLabel(contacts: Pick<EmergencyContacts, "crisisLine" | "crisisLineName">, open = " (", close = ")"): string {
  const name = cleanLineName(contacts.crisisLine, contacts.crisisLineName);
  return name ? `${contacts.crisisLine}${open}${name}${close}` : contacts.crisisLine;
}

function cleanLineName(number: string, name: string | undefined): string {
  if (!name) return "";
  const digits = number.replace(/\D/g, "");
  // Only digits go into the pattern (the name is configuration, the number may hold anything).
  const written = digits ? new RegExp(`(?<!\\d)${digits.split("").join("[\\s.-]?")}(?!\\d)`, "g") : undefined;
  return (written ? name.replace(written, " ") : name)
    .replace(/[()（）[\]]/g, ",")
    .replace(/\s*,[\s,]*/g, ", ")
    .replace(/\s+/g, " ")
    .replace(/^[\s,:;.\-–—]+|[\s,:;\-–—]+$/g, "");
}
