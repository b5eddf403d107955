import { keyLimit } from "./limits";

export const verifyKey = (key: string) => key.startsWith("mk_") && keyLimit > 0;
