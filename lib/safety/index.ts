export { triage, type TriageResult, type TriageMatch, type EmergencyNotice, type TriageOptions } from "./triage";
export { TRIAGE_CATEGORIES, type TriageCategory } from "./red-flags";
export { emergencyContactsFor, defaultLocale, type EmergencyContacts } from "./contacts";
export { answerDisclaimer, consentText, bannerText, emergencyNoticeText, DISCLAIMER_VERSION } from "./disclaimers";
export { systemPolicy, compactSystemPolicy } from "./policy";
