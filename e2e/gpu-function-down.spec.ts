import { expect, test } from "@playwright/test";
import { ChatPage } from "./pages/chat-page";

async function stopGpuFunction(): Promise<void> {
  const pid = Number(process.env.E2E_GPU_PID);
  const url = process.env.E2E_GPU_URL;
  if (!pid || !url) throw new Error("the e2e global setup did not record the gpu-function");
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    // Already gone.
  }
  await expect
    .poll(
      async () =>
        fetch(`${url}/healthz`).then(
          () => "up",
          () => "down",
        ),
      { timeout: 20_000 },
    )
    .toBe("down");
}

test("with the gpu-function stopped, the chat shows a clear error with the disclaimer", async ({ page }) => {
  await stopGpuFunction();
  const chat = new ChatPage(page);
  await chat.open();
  await chat.accept();
  await chat.ask("What is hay fever?");
  const answer = chat.lastAnswer();
  await expect(answer.getByTestId("answer-error")).toContainText("unavailable");
  await expect(answer.getByTestId("disclaimer-footer")).toBeVisible();
  // No endless spinner: the composer is ready for the next question.
  await expect(chat.send).toBeVisible();
  await expect(page.getByRole("button", { name: "Stop the answer" })).toBeHidden();
});
