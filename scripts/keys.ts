// Partner API keys CLI (the logic is lib/partners/keys.ts, shared with the admin page).
// Honours DATABASE_URL and MEDCHAT_DATA_DIR like the app.
//   npm run keys -- create --name "Clinic app" [--scopes chat,models] [--origins https://a.example,https://b.example]
//                          [--rpm 60] [--tokens-per-day 200000] [--concurrent 4] [--expires 90d|2027-01-31] [--json]
//   npm run keys -- list [--json]
//   npm run keys -- revoke <key id or prefix>
import { parseArgs } from "node:util";
import { openDatabaseForCli } from "@/lib/db/cli";
import { createApiKey, KeyInputError, keyState, listApiKeys, revokeApiKey, type ApiKeyInfo, type NewApiKey } from "@/lib/partners/keys";

const USAGE = `usage:
  npm run keys -- create --name NAME [--scopes chat,models] [--origins https://app.example,…]
                         [--rpm 60] [--tokens-per-day 200000] [--concurrent 4] [--expires 90d|2027-01-31] [--json]
  npm run keys -- list [--json]
  npm run keys -- revoke <key id or prefix>`;

class UsageError extends Error {}

function intOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number ≥ 0 (got "${value}")`);
  return n;
}

/** "90d", "12h" or a date/time. */
function expiryOption(value: string | undefined, now = Date.now()): Date | null {
  if (value === undefined) return null;
  const relative = /^(\d{1,5})([dh])$/.exec(value);
  if (relative) return new Date(now + Number(relative[1]) * (relative[2] === "d" ? 86_400_000 : 3_600_000));
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--expires must be like 90d, 12h or 2027-01-31 (got "${value}")`);
  return date;
}

function list(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
}

function describe(k: ApiKeyInfo): string {
  const limits = `${k.requestsPerMinute}/min, ${k.tokensPerDay} tokens/day, ${k.concurrentRequests} at once`;
  return [
    `${k.id}  ${k.prefix}…  ${keyState(k)}  "${k.name}"`,
    `  scopes: ${k.scopes.join(", ")}   limits: ${limits}`,
    `  origins: ${k.allowedOrigins.length ? k.allowedOrigins.join(", ") : "(server-to-server only)"}`,
    `  created ${k.createdAt.toISOString()}   expires ${k.expiresAt?.toISOString() ?? "never"}   last used ${k.lastUsedAt?.toISOString() ?? "never"}${k.revokedAt ? `   revoked ${k.revokedAt.toISOString()}` : ""}`,
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      scopes: { type: "string" },
      origins: { type: "string" },
      rpm: { type: "string" },
      "tokens-per-day": { type: "string" },
      concurrent: { type: "string" },
      expires: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (!command || !["create", "list", "revoke"].includes(command))
    throw new UsageError(command ? `unknown command "${command}"` : "no command given");
  const input: NewApiKey | undefined =
    command === "create"
      ? {
          name: values.name ?? "",
          scopes: list(values.scopes) as NewApiKey["scopes"],
          allowedOrigins: list(values.origins),
          requestsPerMinute: intOption("rpm", values.rpm),
          tokensPerDay: intOption("tokens-per-day", values["tokens-per-day"]),
          concurrentRequests: intOption("concurrent", values.concurrent),
          expiresAt: expiryOption(values.expires),
        }
      : undefined;
  if (command === "revoke" && rest.length !== 1) throw new UsageError("revoke takes one key id or prefix");

  const handle = await openDatabaseForCli(`npm run keys -- ${command}`);
  try {
    if (command === "create") {
      const { key, info } = await createApiKey(handle.db, input!);
      if (values.json) process.stdout.write(`${JSON.stringify({ key, ...info })}\n`);
      else process.stdout.write(`${describe(info)}\n\nAPI key (shown only now; store it safely):\n${key}\n`);
    } else if (command === "list") {
      const keys = await listApiKeys(handle.db);
      if (values.json) process.stdout.write(`${JSON.stringify(keys.map((k) => ({ ...k, state: keyState(k) })))}\n`);
      else process.stdout.write(keys.length ? `${keys.map(describe).join("\n\n")}\n` : "no keys yet: npm run keys -- create --name NAME\n");
    } else {
      const revoked = await revokeApiKey(handle.db, rest[0]);
      if (!revoked) {
        process.stderr.write(`no key with id or prefix "${rest[0]}"\n`);
        return 1;
      }
      process.stdout.write(`${values.json ? JSON.stringify(revoked) : `revoked\n${describe(revoked)}`}\n`);
    }
    return 0;
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const usage =
      error instanceof UsageError ||
      error instanceof KeyInputError ||
      String((error as { code?: unknown })?.code ?? "").startsWith("ERR_PARSE_ARGS");
    process.stderr.write(`keys: ${error instanceof Error ? error.message : String(error)}\n${usage ? `${USAGE}\n` : ""}`);
    process.exit(usage ? 2 : 1);
  },
);
