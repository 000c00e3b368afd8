// Builds the web console (web/) with Vite into dist/public, unless the build there is newer than
// every file it is made from: `npm start` runs this each time and should not wait for a build it
// does not need. `--force` builds regardless.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const webDir = path.join(root, 'web');
const assetsDir = path.join(root, 'dist', 'public', 'assets');
const stamp = path.join(root, 'dist', 'public', '.built');

/** The newest modification time among the build's inputs. */
async function newestInput() {
  const inputs = [path.join(root, 'package-lock.json')];
  for (const entry of await readdir(webDir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) inputs.push(path.join(entry.parentPath, entry.name));
  }
  const times = await Promise.all(inputs.map(async (file) => (await stat(file)).mtimeMs));
  return Math.max(...times);
}

const builtAt = await stat(stamp).then(
  (info) => info.mtimeMs,
  () => 0,
);
if (process.argv.includes('--force') || builtAt <= (await newestInput())) {
  // Imported only when a build is due: loading Vite costs more than the whole up-to-date check.
  const { build } = await import('vite');
  await build({ configFile: path.join(webDir, 'vite.config.mjs'), logLevel: 'warn' });
  await precompress();
  await writeFile(stamp, `${new Date().toISOString()}\n`);
}

/**
 * Gzip and Brotli copies beside each script and style sheet, compressed once at their best level:
 * the service sends them to browsers that accept them (@fastify/static's preCompressed).
 */
async function precompress() {
  const files = (await readdir(assetsDir)).filter((name) => /\.(js|css|svg)$/.test(name));
  await Promise.all(
    files.map(async (name) => {
      const file = path.join(assetsDir, name);
      const content = await readFile(file);
      await writeFile(`${file}.gz`, await promisify(gzip)(content, { level: 9 }));
      await writeFile(
        `${file}.br`,
        await promisify(brotliCompress)(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      );
    }),
  );
}
