// The number to call for a medical emergency (an ambulance) in each country the product knows,
// by ISO 3166-1 region code. contacts.ts uses it for a browser region with no built-in locale
// ("es-CO", "en-ZA", "ar-MA"), so that such a visitor is never lent another country's number;
// a region missing here gets a notice that names no number ("call your local emergency
// number", local-number.ts). Only numbers that are well established and stable are listed: a
// country with several regional numbers and no national one (Pakistan) is left out on purpose.
//
// Sources: written on 2026-12-05 from well-known national numbers, without a live check; the
// references to check a country against before relying on it:
// - EU and EEA members, 112: the single European emergency number, required in every member state
//   by the European Electronic Communications Code (Directive (EU) 2018/1972, art. 109),
//   digital-strategy.ec.europa.eu/en/policies/112. Iceland's only number is 112 (112.is).
// - Everything else: the national service named beside each number, as listed in
//   en.wikipedia.org/wiki/List_of_emergency_telephone_numbers and the US State Department's
//   country pages (travel.state.gov, "Local emergency numbers"). Where a country has a separate
//   ambulance number, that number is listed (112 often also works from a mobile).
export const COUNTRY_EMERGENCY_NUMBERS: Readonly<Record<string, string>> = {
  // European Union and EEA: 112.
  AT: "112",
  BE: "112",
  BG: "112",
  HR: "112",
  CY: "112",
  CZ: "112",
  DK: "112",
  EE: "112",
  FI: "112",
  FR: "112",
  DE: "112",
  GR: "112",
  HU: "112",
  IE: "112",
  IT: "112",
  LV: "112",
  LT: "112",
  LU: "112",
  MT: "112",
  NL: "112",
  PL: "112",
  PT: "112",
  RO: "112",
  SK: "112",
  SI: "112",
  ES: "112",
  SE: "112",
  IS: "112",
  LI: "112",
  // Norway: 113 is the medical emergency number (AMK); 112 is the police.
  NO: "113",
  // Switzerland: 144 ambulance (as the built-in de-CH / fr-CH / it-CH locales).
  CH: "144",
  GB: "999",
  // Other European countries with 112 as the national number.
  TR: "112",
  MD: "112",
  GE: "112",
  UA: "112",
  RU: "112",
  // The former Yugoslav countries: ambulance 194 (Serbia, North Macedonia) and 124 (Bosnia and
  // Herzegovina, Montenegro).
  RS: "194",
  MK: "194",
  BA: "124",
  ME: "124",
  // Other former Soviet countries: ambulance 103.
  BY: "103",
  KZ: "103",
  UZ: "103",
  KG: "103",
  // The Americas. 911 (NENA; each country's 911 system): United States and territories, Canada,
  // Mexico (911 since 2017), Costa Rica, Panama, Honduras, Dominican Republic, Ecuador (ECU 911),
  // Uruguay, Paraguay.
  US: "911",
  PR: "911",
  CA: "911",
  MX: "911",
  CR: "911",
  PA: "911",
  HN: "911",
  DO: "911",
  EC: "911",
  UY: "911",
  PY: "911",
  // Colombia: 123, the national single emergency line.
  CO: "123",
  // Brazil: 192, SAMU (Serviço de Atendimento Móvel de Urgência).
  BR: "192",
  // Argentina: 107, the medical emergency number (SAME and the provincial services).
  AR: "107",
  // Chile: 131, ambulance (SAMU).
  CL: "131",
  // Peru: 106, SAMU.
  PE: "106",
  // Asia and the Pacific.
  CN: "120",
  HK: "999",
  MO: "999",
  TW: "119",
  JP: "119",
  KR: "119",
  IN: "112",
  // Bangladesh: 999, the National Emergency Service (since 2017).
  BD: "999",
  // Sri Lanka: 1990, Suwa Seriya, the free national ambulance service.
  LK: "1990",
  // Nepal: 102, ambulance.
  NP: "102",
  ID: "112",
  MY: "999",
  // Singapore: 995, ambulance and fire (SCDF); 999 is the police.
  SG: "995",
  TH: "1669",
  VN: "115",
  PH: "911",
  // Cambodia: 119, ambulance.
  KH: "119",
  // Mongolia: 103, ambulance.
  MN: "103",
  AU: "000",
  NZ: "111",
  // The Middle East.
  // Saudi Arabia: 997, Red Crescent ambulance (911 is the unified centre in some regions).
  SA: "997",
  // United Arab Emirates: 998, ambulance.
  AE: "998",
  QA: "999",
  BH: "999",
  KW: "112",
  // Oman: 9999, Royal Oman Police emergency (ambulance included).
  OM: "9999",
  JO: "911",
  // Lebanon: 140, Lebanese Red Cross ambulance.
  LB: "140",
  // Israel: 101, Magen David Adom; Palestine: 101, Palestine Red Crescent.
  IL: "101",
  PS: "101",
  // Iran: 115, ambulance (EMS).
  IR: "115",
  // Egypt: 123, ambulance.
  EG: "123",
  // Africa.
  // South Africa: 10177, ambulance (112 from a mobile).
  ZA: "10177",
  // Morocco: 15, Protection civile (ambulance and fire); Algeria: 14, Protection civile.
  MA: "15",
  DZ: "14",
  // Tunisia: 190, SAMU.
  TN: "190",
  // Nigeria: 112, the national emergency number (NCC).
  NG: "112",
  // Kenya: 999 (112 also works).
  KE: "999",
};

/** The medical emergency number of a region (ISO 3166-1 alpha-2, any case), if the table knows it. */
export function emergencyNumberOfRegion(region: string): string | undefined {
  const key = region.toUpperCase();
  return Object.hasOwn(COUNTRY_EMERGENCY_NUMBERS, key) ? COUNTRY_EMERGENCY_NUMBERS[key] : undefined;
}
