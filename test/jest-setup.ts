import { setFlagsFromString } from 'node:v8';

// Runs before each test file, in the process that runs it (a Jest worker, or Jest's own process with
// --runInBand or --detectOpenHandles, where the global set-up has already run TypeORM natively).
//
// V8's compilation cache keys eval and `new Function` code by its source text only, and a cache hit
// keeps the host-defined options of an earlier script that compiled the same text: the module loader
// its dynamic import() goes to (nodejs/node#65866). TypeORM loads the entities and migrations through
// `Function('return filePath => import(filePath)')`, so in a process that had already run it for an
// earlier test file (or natively, for the global set-up) it would import them through that one's
// loader: a torn-down Jest environment, or Node's own loader outside this file's vm context. Without
// the cache, each compile keeps its own.
setFlagsFromString('--no-compilation-cache');
