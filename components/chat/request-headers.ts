"use client";

import { createContext, useContext } from "react";

/** Headers a surface adds to its requests besides chat messages (the widget panel's identity, on feedback). */
export const RequestHeadersContext = createContext<Record<string, string>>({});
export const useChatRequestHeaders = () => useContext(RequestHeadersContext);
