/**
 * The floor under any Node api: pgbench -N's own transaction, answered over HTTP by a bare Node
 * server (no framework, no ORM, no auth, no chart) with node-postgres. Started by node-floor.ts
 * in its own process, as the api is; says `{ type: 'ready', port }` over IPC.
 */
import { createServer } from 'node:http';
import { Pool } from 'pg';

const ACCOUNTS_PER_SCALE = 100_000;
const scale = Number(process.env.FLOOR_PGBENCH_SCALE);
const pool = new Pool({ connectionString: process.env.FLOOR_DATABASE_URL, max: 32 });
const random = (n: number) => 1 + Math.floor(Math.random() * n);

/** BEGIN; UPDATE accounts; SELECT the balance; INSERT history; END: as pgbench -N sends it. */
async function simpleUpdate(delta: number): Promise<number> {
  const [aid, tid, bid] = [random(scale * ACCOUNTS_PER_SCALE), random(scale * 10), random(scale)];
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2', [delta, aid]);
    const { rows } = await client.query('SELECT abalance FROM pgbench_accounts WHERE aid = $1', [aid]);
    await client.query('INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES ($1, $2, $3, $4, CURRENT_TIMESTAMP)', [tid, bid, aid, delta]);
    await client.query('END');
    return rows[0].abalance;
  } finally {
    client.release();
  }
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const { delta } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { delta: number };
    simpleUpdate(delta).then(
      (balance) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ balance }));
      },
      (error: Error) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: error.message }));
      },
    );
  });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.send!({ type: 'ready', port: address.port });
});
process.on('message', (message: { type: string }) => {
  if (message.type === 'close') server.close(() => void pool.end().then(() => process.exit(0)));
});
