import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What pdfsig (poppler-utils), a reader outside the service, says of a PDF's signatures. */
export async function pdfsig(bytes: Buffer): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'pcs-pdfsig-'));
  try {
    const file = path.join(folder, 'signed.pdf');
    await writeFile(file, bytes);
    // pdfsig exits non-zero for a signature it finds invalid; what it printed is the answer.
    const { stdout } = await run('pdfsig', [file]).catch((error: { code?: string; stdout?: string }) => {
      if (error.code === 'ENOENT') throw new Error('pdfsig is not installed: apt-get install poppler-utils');
      return { stdout: error.stdout ?? '' };
    });
    return stdout;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The text of a PDF as pdftotext (poppler-utils) reads it. */
export async function pdfText(bytes: Buffer): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'pcs-pdftext-'));
  try {
    const file = path.join(folder, 'document.pdf');
    await writeFile(file, bytes);
    return (await run('pdftotext', ['-layout', file, '-'])).stdout;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
