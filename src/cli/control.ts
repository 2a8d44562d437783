// The running server lets the command line in. On PGlite only one process may open the database, so while
// `opendimos serve` runs, commands such as `import` and `token create` are sent to it over a Unix socket in
// the data directory (readable by the same user only) and run inside the server, on the same code path.
import { request } from 'node:http';
import { chmod, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';

export const controlSocketPath = (dataDir: string): string => join(dataDir, 'opendimos.sock');

export interface CommandRequest {
  readonly command: string;
  readonly args: readonly string[];
  /** The caller's working directory: file arguments are relative to it. */
  readonly cwd: string;
}

export interface CommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export type CommandRunner = (request: CommandRequest, io: { stdout: Writable; stderr: Writable }) => Promise<number>;

const collector = () => {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
};

export const startControlServer = async (dataDir: string, run: CommandRunner): Promise<FastifyInstance> => {
  const path = controlSocketPath(dataDir);
  await unlink(path).catch(() => undefined);
  const control = Fastify({ bodyLimit: 65_536 });
  control.post<{ Body: CommandRequest }>(
    '/run',
    {
      schema: {
        body: {
          type: 'object',
          required: ['command', 'args', 'cwd'],
          properties: { command: { type: 'string' }, args: { type: 'array', items: { type: 'string' } }, cwd: { type: 'string' } },
        },
      },
    },
    async (req): Promise<CommandResult> => {
      const stdout = collector();
      const stderr = collector();
      const exitCode = await run(req.body, { stdout: stdout.stream, stderr: stderr.stream });
      return { exitCode, stdout: stdout.text(), stderr: stderr.text() };
    },
  );
  await control.listen({ path });
  await chmod(path, 0o600);
  return control;
};

/** Runs a command in the server listening on the data directory's socket; null when none is listening. */
export const runInServer = (dataDir: string, command: CommandRequest): Promise<CommandResult | null> =>
  new Promise((resolve, reject) => {
    const body = JSON.stringify(command);
    const req = request(
      // No keep-alive: a pooled connection to a server that has since stopped would fail with EPIPE.
      { socketPath: controlSocketPath(dataDir), agent: false, path: '/run', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) reject(new Error(`control socket answered ${res.statusCode}: ${text}`));
          else resolve(JSON.parse(text) as CommandResult);
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => (['ENOENT', 'ECONNREFUSED'].includes(error.code ?? '') ? resolve(null) : reject(error)));
    req.end(body);
  });
