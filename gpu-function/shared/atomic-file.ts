// Replaces a file so a reader (or a restart after a crash) sees either the old content or
// the new, never half of it: write a unique temp file beside it, fsync, rename over.
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";

export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    const fh = await fs.open(tmp, "w");
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}
