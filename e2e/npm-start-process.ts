// Drives a real `npm start` (scripts/start.ts through npm) the way a person does in a
// terminal: its own process group, Ctrl-C as SIGINT to the group, output read from its
// log. Also a tiny chat client for /api/chat and a runner for the kb CLI beside it.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { writeTinyEmbedder, writeTinyModel } from "../gpu-function/models/tiny";
import { freePort, ROOT } from "../scripts/start";

const execFileAsync = promisify(execFile);

/** Writes the tiny model and embedder the npm start instances of a spec share. */
export async function writeTinyModels(dir: string): Promise<Record<string, string>> {
  await writeTinyModel(path.join(dir, "model"), {
    family: "llama",
    seed: 1234,
    hiddenSize: 128,
    numLayers: 2,
    numHeads: 4,
    numKvHeads: 2,
    maxPositions: 1024,
  });
  await writeTinyEmbedder(path.join(dir, "embedder"), { dim: 256, seed: 1234 });
  return { MODEL_DIR: path.join(dir, "model"), MODEL_ID: "medchat-base", EMBEDDING_MODEL_DIR: path.join(dir, "embedder") };
}

export class NpmStart {
  readonly output: string[] = [];
  private exitCode: Promise<number | string>;
  private constructor(
    readonly child: ChildProcess,
    readonly appUrl: string,
    readonly gpuUrl: string,
  ) {
    const collect = (chunk: Buffer) => this.output.push(...chunk.toString("utf8").split("\n"));
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    // npm itself ends by the signal on Ctrl-C: the exit is its code, or the signal's name.
    this.exitCode = new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")));
  }

  static async launch(env: Record<string, string>): Promise<NpmStart> {
    const [appPort, gpuPort] = [await freePort(), await freePort()];
    const child = spawn("npm", ["start"], {
      cwd: ROOT,
      detached: true, // its own process group, like a terminal's foreground job
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        PORT: String(appPort),
        GPU_FUNCTION_PORT: String(gpuPort),
        GPU_FUNCTION_URL: "",
        DATABASE_URL: "",
        MEDCHAT_DB_PORT: "",
        MEDCHAT_STARTER_KB: "off",
        CHAT_MAX_TOKENS: "16",
        CHAT_TEMPERATURE: "0",
        CHAT_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: "0",
        CHAT_RATE_LIMIT_PER_MINUTE: "0",
        DRAIN_TIMEOUT_MS: "1000",
        // A crashed gpu-function stays down long enough for a question to see the outage.
        GPU_FUNCTION_RESTART_DELAY_MS: "15000",
        ...env,
      },
    });
    return new NpmStart(child, `http://127.0.0.1:${appPort}`, `http://127.0.0.1:${gpuPort}`);
  }

  log(): string {
    return this.output.join("\n");
  }

  /** Resolves once `pattern` appears in the output; rejects if npm start exits first. */
  async waitFor(pattern: RegExp, timeoutMs = 240_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void this.exitCode.then(() => (exited = true));
    for (;;) {
      const match = this.log().match(pattern);
      if (match) return match;
      if (exited) throw new Error(`npm start exited before ${pattern}:\n${this.log()}`);
      if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${this.log()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  ready(): Promise<RegExpMatchArray> {
    return this.waitFor(/Press Ctrl-C to stop/);
  }

  /** Ctrl-C in the terminal: SIGINT to the whole foreground process group. Resolves with the exit code. */
  async interrupt(timeoutMs = 60_000): Promise<number | string> {
    try {
      process.kill(-this.child.pid!, "SIGINT");
    } catch {
      // Already gone.
    }
    return this.exited(timeoutMs);
  }

  async exited(timeoutMs = 60_000): Promise<number | string> {
    const timer = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`npm start did not exit within ${timeoutMs} ms:\n${this.log()}`)), timeoutMs).unref(),
    );
    return Promise.race([this.exitCode, timer]);
  }

  /** Last resort for a failed test: kill everything it started. */
  kill(): void {
    for (const pid of pidsIn(this.log())) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // gone
      }
    }
    try {
      process.kill(-this.child.pid!, "SIGKILL");
    } catch {
      // gone
    }
  }
}

function pidsIn(log: string): number[] {
  return [...log.matchAll(/pid (\d+)/g)].map((m) => Number(m[1]));
}

export interface ChatClient {
  cookie: string | undefined;
  /** Sends one question in a new conversation; returns the whole UI message stream as text. */
  ask(conversationId: string, text: string): Promise<{ status: number; body: string }>;
  conversations(): Promise<{ id: string; title: string }[]>;
  conversation(id: string): Promise<{ messages: { role: string; parts: { type: string; text?: string }[] }[] }>;
}

export function chatClient(appUrl: () => string): ChatClient {
  const client: ChatClient = {
    cookie: undefined,
    async ask(conversationId, text) {
      const res = await fetch(`${appUrl()}/api/chat`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(client.cookie ? { cookie: client.cookie } : {}) },
        body: JSON.stringify({
          id: conversationId,
          consent: true,
          message: { id: `${conversationId}-u1`, role: "user", parts: [{ type: "text", text }] },
        }),
        signal: AbortSignal.timeout(60_000),
      });
      const setCookie = res.headers.get("set-cookie");
      if (setCookie) client.cookie = setCookie.split(";")[0];
      return { status: res.status, body: await res.text() };
    },
    async conversations() {
      const res = await fetch(`${appUrl()}/api/conversations`, { headers: client.cookie ? { cookie: client.cookie } : {} });
      return ((await res.json()) as { conversations: { id: string; title: string }[] }).conversations;
    },
    async conversation(id) {
      const res = await fetch(`${appUrl()}/api/conversations/${id}`, { headers: client.cookie ? { cookie: client.cookie } : {} });
      return (await res.json()) as { messages: { role: string; parts: { type: string; text?: string }[] }[] };
    },
  };
  return client;
}

/** `npm run kb -- …` beside the running app, on the same data folder. */
export async function kb(dataDir: string, ...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return execFileAsync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "kb.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, MEDCHAT_DATA_DIR: dataDir, DATABASE_URL: "", GPU_FUNCTION_URL: "" },
    timeout: 120_000,
  });
}

export function writeLeaflet(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, "zorblax-leaflet.md"),
    "# Zorblax fever\n\nZorblax fever is a made-up illness used by the MedChat tests. Its main sign is a purple rash on the elbows.\n",
  );
  return dir;
}
