// Zod compiles fast parsers with `new Function` unless told not to; under the app's CSP (no
// 'unsafe-eval') even its caught probe is reported as a violation. Client entry points import
// this first, before any module that builds schemas (the AI SDK's included).
import { z } from "zod";

z.config({ jitless: true });
