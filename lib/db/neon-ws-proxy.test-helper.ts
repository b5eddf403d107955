// A Neon-style WebSocket proxy for tests (what Neon's wsproxy / local-neon-http-proxy do):
// each WebSocket connection is piped, byte for byte, to a PostgreSQL server over TCP.
// The Neon serverless driver is pointed at it with NEON_LOCAL_PROXY (lib/db/client.ts).
import net from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

export interface NeonWsProxy {
  /** host:port to put in NEON_LOCAL_PROXY. */
  address: string;
  connections: number;
  close(): Promise<void>;
}

export async function startNeonWsProxy(target: { host: string; port: number }): Promise<NeonWsProxy> {
  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
  const state = { connections: 0 };
  wss.on("connection", (ws: WebSocket) => {
    state.connections++;
    const socket = net.connect(target);
    const pending: Buffer[] = [];
    socket.on("connect", () => {
      for (const chunk of pending.splice(0)) socket.write(chunk);
    });
    ws.on("message", (data: Buffer) => {
      if (socket.connecting) pending.push(data);
      else socket.write(data);
    });
    socket.on("data", (data) => ws.send(data, { binary: true }));
    ws.on("close", () => socket.end());
    ws.on("error", () => socket.destroy());
    socket.on("close", () => ws.close());
    socket.on("error", () => ws.terminate());
  });
  const { port } = wss.address() as net.AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}
