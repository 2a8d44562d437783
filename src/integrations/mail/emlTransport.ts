// Without SMTP, each message becomes a file, <dataDir>/mail/<yyyy-mm-dd>/<key-hash>.eml (the day it was
// enqueued, UTC), mode 0600 in 0700 folders, so nothing is lost and a clerk can open it in a mail client.
// The file is written under a temporary name, flushed, then linked to its name: a crash leaves no half
// file, and a second attempt for the same key finds the file there and writes nothing.
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { DeliveryReceipt, EmailToSend, EmailTransport } from '../../notify/index.ts';
import { DeliveryFailed, keyHash } from '../../notify/index.ts';
import { composeMail } from './compose.ts';

const isCode = (error: unknown, code: string): boolean => (error as NodeJS.ErrnoException | null)?.code === code;

const writeOnce = async (dir: string, name: string, bytes: Buffer): Promise<string> => {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const final = join(dir, name);
  const temporary = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  const file = await open(temporary, 'wx', 0o600);
  try {
    await file.writeFile(bytes);
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    // link, unlike rename, never replaces: the first attempt's file stays the one.
    await link(temporary, final);
  } catch (error) {
    if (!isCode(error, 'EEXIST')) throw error;
  } finally {
    await unlink(temporary);
  }
  const folder = await open(dir, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
  return final;
};

export const createEmlTransport = (dataDir: string, sender: { from: string; domain: string }): EmailTransport => {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(message: EmailToSend): Promise<DeliveryReceipt> {
      try {
        const info = await composer.sendMail(composeMail(message, sender.from, sender.domain));
        const day = message.createdAt.toISOString().slice(0, 10);
        const path = await writeOnce(join(dataDir, 'mail', day), `${keyHash(message.key)}.eml`, info.message as Buffer);
        return { detail: `file ${path}` };
      } catch (error) {
        throw new DeliveryFailed(`.eml: ${error instanceof Error ? error.message : String(error)}`, false, { cause: error });
      }
    },
    async close() {
      composer.close();
    },
  };
};
