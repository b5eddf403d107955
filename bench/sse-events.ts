// The `data:` events of a streamed /v1/chat/completions response, parsed, in order (the
// closing `[DONE]` left out): the benchmarks' one reader of the gpu-function's SSE stream.
export async function* sseEvents<T>(body: ReadableStream<Uint8Array>): AsyncGenerator<T> {
  let buffer = "";
  const decoder = new TextDecoder();
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (!line.startsWith("data: ") || line === "data: [DONE]") continue;
      yield JSON.parse(line.slice(6)) as T;
    }
  }
}
