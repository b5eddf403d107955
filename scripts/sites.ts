// Widget sites CLI: register the websites that may embed the chat widget.
//   npm run sites -- create --name "Clinic" --origin https://clinic.example [--origin …] [--talk-to-person URL]
//   npm run sites -- list [--json]
//   npm run sites -- update <site-key> [--name N] [--origin …] [--talk-to-person URL|""]
//   npm run sites -- enable|disable|delete <site-key>
//   npm run sites -- snippet <site-key> [--app-url https://medchat.example]
// Honours DATABASE_URL and MEDCHAT_DATA_DIR like the kb CLI.
import { parseArgs } from "node:util";
import type { DbHandle } from "@/lib/db/client";
import { openDatabaseForCli } from "@/lib/db/cli";
import { guessedAppUrlNote, snippetAppUrl, widgetSnippet } from "@/lib/widget/snippet";
import {
  createWidgetSite,
  deleteWidgetSite,
  getWidgetSite,
  listWidgetSites,
  updateWidgetSite,
  WidgetSiteError,
  type WidgetSite,
} from "@/lib/widget/sites";

const USAGE = `usage:
  npm run sites -- create --name "Clinic" --origin https://clinic.example [--origin …] [--talk-to-person URL]
  npm run sites -- list [--json]
  npm run sites -- update <site-key> [--name N] [--origin …] [--talk-to-person URL]
  npm run sites -- enable|disable|delete <site-key>
  npm run sites -- snippet <site-key> [--app-url URL]`;

class UsageError extends Error {}

function describe(site: WidgetSite): string {
  return [
    `${site.id}  ${site.name}  ${site.enabled ? "enabled" : "DISABLED"}`,
    `  origins: ${site.allowedOrigins.join(", ")}`,
    `  talk to a person: ${site.talkToPersonUrl ?? "(deployment default)"}`,
  ].join("\n");
}

/** The tag for a site, and a note on stderr when the app's address was guessed. */
function printSnippet(flag: string | undefined, siteKey: string, intro = ""): void {
  const { url, guessed } = snippetAppUrl(flag, process.env);
  console.log(`${intro}${widgetSnippet(url, siteKey)}${intro ? "\n" : ""}`);
  if (guessed) console.error(guessedAppUrlNote(url, siteKey));
}

async function run(argv: string[], handle: DbHandle): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      origin: { type: "string", multiple: true },
      "talk-to-person": { type: "string" },
      "app-url": { type: "string" },
      json: { type: "boolean" },
    },
  });
  const [command, key] = positionals;
  const db = handle.db;
  const needKey = () => {
    if (!key) throw new UsageError(`${command} needs a site key.\n${USAGE}`);
    return key;
  };
  switch (command) {
    case "create": {
      if (!values.name || !values.origin?.length) throw new UsageError(`create needs --name and at least one --origin.\n${USAGE}`);
      const site = await createWidgetSite(db, {
        name: values.name,
        allowedOrigins: values.origin,
        talkToPersonUrl: values["talk-to-person"],
      });
      console.log(describe(site));
      printSnippet(values["app-url"], site.id, `\nPaste this into the pages of ${site.allowedOrigins.join(", ")}:\n\n`);
      return;
    }
    case "list": {
      const sites = await listWidgetSites(db);
      if (values.json) console.log(JSON.stringify(sites, null, 2));
      else console.log(sites.length ? sites.map(describe).join("\n") : "No widget sites yet: npm run sites -- create --name … --origin …");
      return;
    }
    case "update": {
      const result = await updateWidgetSite(db, needKey(), {
        name: values.name,
        allowedOrigins: values.origin,
        talkToPersonUrl: values["talk-to-person"],
      });
      if (!result) throw new UsageError(`No widget site ${key}.`);
      console.log(describe(result.after));
      return;
    }
    case "enable":
    case "disable": {
      const result = await updateWidgetSite(db, needKey(), { enabled: command === "enable" });
      if (!result) throw new UsageError(`No widget site ${key}.`);
      console.log(describe(result.after));
      return;
    }
    case "delete": {
      const site = await deleteWidgetSite(db, needKey());
      if (!site) throw new UsageError(`No widget site ${key}.`);
      console.log(`deleted ${site.id} (${site.name})`);
      return;
    }
    case "snippet": {
      const site = await getWidgetSite(db, needKey());
      if (!site) throw new UsageError(`No widget site ${key}.`);
      printSnippet(values["app-url"], site.id);
      return;
    }
    default:
      throw new UsageError(USAGE);
  }
}

async function main() {
  let handle: DbHandle | undefined;
  try {
    handle = await openDatabaseForCli(`npm run sites -- ${process.argv[2] ?? ""}`.trim());
    await run(process.argv.slice(2), handle);
  } catch (error) {
    if (error instanceof UsageError || error instanceof WidgetSiteError) {
      console.error(error.message);
      process.exitCode = 2;
    } else {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    }
  } finally {
    await handle?.close();
  }
}

void main();
