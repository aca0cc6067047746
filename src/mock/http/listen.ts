import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface LocalServer {
  server: Server;
  /** `http://host:port`, no trailing slash. */
  url: string;
  host: string;
  port: number;
  /** Stops accepting, cuts every open connection (idle keep-alive ones too) and resolves once closed. */
  close(): Promise<void>;
}

export interface ListenOptions {
  /** Default 127.0.0.1: a mock is for this machine only. */
  host?: string;
  /** Default 0: a free port chosen by the OS. */
  port?: number;
  /** How long a client may take to send its headers. Default 10 s. */
  headersTimeoutMs?: number;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Starts an HTTP server on a loopback address; rejects with the listen error (e.g. EADDRINUSE). */
export function listenLocal(handler: Handler, opts: ListenOptions = {}): Promise<LocalServer> {
  const host = opts.host ?? '127.0.0.1';
  const server = createServer({ keepAliveTimeout: 5_000 }, handler);
  server.headersTimeout = opts.headersTimeoutMs ?? 10_000;
  // Body deadlines are the handler's job (it answers with a proper error); 0 disables Node's own 408.
  server.requestTimeout = 0;
  // A client that sends garbage gets Node's plain 400 and the socket is closed; the server itself is unaffected.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : (opts.port ?? 0);
      const urlHost = host.includes(':') ? `[${host}]` : host;
      let closing: Promise<void> | undefined;
      resolve({
        server,
        host,
        port,
        url: `http://${urlHost}:${port}`,
        close: () =>
          (closing ??= new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          })),
      });
    });
  });
}
