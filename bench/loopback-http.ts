import { Agent, request } from 'node:http';

export interface HttpAnswer {
  status: number;
  body: string;
}

/**
 * Keep-alive HTTP over loopback with Node's own client. Intake is throttled per client address
 * (ThrottlerModule: 600 contacts a minute per IP), as it would be for real referrers coming
 * from many addresses; `sourceAddresses` > 1 spreads requests over 127.0.N.M so the bench
 * measures the transaction rather than the limiter (the guard still runs on every request).
 */
export class LoopbackHttp {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: Infinity, scheduling: 'lifo' });
  private next = 0;

  constructor(
    private readonly port: number,
    private readonly sourceAddresses: string[] = ['127.0.0.1'],
  ) {}

  post(path: string, token: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    const payload = JSON.stringify(body);
    const localAddress = this.sourceAddresses[this.next++ % this.sourceAddresses.length];
    return this.send(path, token, payload, headers, localAddress, true);
  }

  /**
   * One request. The api closes a keep-alive socket after 5 s idle; a request that raced that
   * close on a reused socket is sent once more on a fresh one (Node's documented remedy), and
   * never counted as the api's error.
   */
  private send(path: string, token: string, payload: string, headers: Record<string, string>, localAddress: string, mayRetry: boolean): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          path,
          method: 'POST',
          agent: this.agent,
          localAddress,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            authorization: `Bearer ${token}`,
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (mayRetry && req.reusedSocket && error.code === 'ECONNRESET') resolve(this.send(path, token, payload, headers, localAddress, false));
        else reject(error);
      });
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** 127.0.{third}.1 … 127.0.{third}.count: distinct loopback addresses Linux routes to lo. */
export function loopbackAddresses(third: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `127.0.${third}.${i + 1}`);
}
