import { verifyKey } from "../partners/keys";

export const siteAllowed = (origin: string) => verifyKey(origin);
