// Jest in its ESM mode (npm test sets NODE_OPTIONS=--experimental-vm-modules) over what tsc has
// already compiled into dist/: no transformer, so tests run the very JavaScript that `npm start`
// and the benches run, with tsc's decorator metadata as it emits it. Stack traces point at the .ts
// lines through the source maps tsc writes beside each file.

/** @type {import('jest').Config} */
export default {
  rootDir: import.meta.dirname,
  // Only the compiled sources and tests: the rest of dist/ (private builds under dist/.own/, the
  // benches, the tools) is no business of the test run, not even of its file crawl.
  roots: ['<rootDir>/dist/src', '<rootDir>/dist/test'],
  testMatch: ['<rootDir>/dist/src/**/*.spec.js', '<rootDir>/dist/test/**/*.spec.js', '<rootDir>/dist/test/**/*.e2e.js'],
  testEnvironment: 'node',
  transform: {},
  // Tests import describe/it/… from @jest/globals, as they did from node:test.
  injectGlobals: false,
  // Real PostgreSQL and a real S3 server, once for the run; each test file clones its own database.
  globalSetup: '<rootDir>/dist/test/global-setup.js',
  globalTeardown: '<rootDir>/dist/test/global-teardown.js',
  // Turns off V8's compilation cache in each test process, for TypeORM's dynamic imports.
  setupFiles: ['<rootDir>/dist/test/jest-setup.js'],
  // e2e tests boot the whole application on a database of their own, and some drive Chromium.
  testTimeout: 120_000,
  // Test files run in parallel (each has its own database). Two, as the machines have two cores:
  // one worker took as long as Node's runner did (about 250 s), two about 150 s; a third gained
  // only about 6 % while it crowded the cores that the services under test and PostgreSQL share.
  maxWorkers: 2,
  // A worker keeps some of each test file's module graph after the file (Jest's ESM mode): one whose
  // heap has grown past this after a file is replaced by a fresh one.
  workerIdleMemoryLimit: '512MB',
};
