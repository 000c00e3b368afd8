// Builds the web console (web/) with Vite into dist/web, unless the build there is newer than
// every file it is made from: `npm start` runs this each time and should not wait for a build it
// does not need. `--force` builds regardless.
import { readdir, stat, writeFile } from 'node:fs/promises';
import process from 'node:process';
import path from 'node:path';
import { build } from 'vite';

const root = path.resolve(import.meta.dirname, '..');
const webDir = path.join(root, 'web');
const stamp = path.join(root, 'dist', 'web', '.built');

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
  await build({ configFile: path.join(webDir, 'vite.config.mjs'), logLevel: 'warn' });
  await writeFile(stamp, `${new Date().toISOString()}\n`);
}
