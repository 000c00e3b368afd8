// Jest takes the global teardown from a module of its own, as its default export. It runs in the
// same process as the global set-up and imports the same module, so it stops what that one started.
export { globalTeardown as default } from './global-setup.js';
