// What the global set-up hands to every test process through the environment.
export const TEMPLATE_DATABASE_URL = 'PCS_TEST_TEMPLATE_DATABASE_URL';
export const S3_ENDPOINT = 'PCS_TEST_S3_ENDPOINT';
export const S3_BUCKET = 'PCS_TEST_S3_BUCKET';

export function testEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with npm test (its global set-up sets it)`);
  return value;
}
