// `opendimos`: the command line. serve, import, verify, token, rebuild.
import { runCli } from './runCli.ts';

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
