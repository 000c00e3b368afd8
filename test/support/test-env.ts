// What the global set-up hands to every test process through the environment.
export const TEMPLATE_DATABASE_URL = 'PCS_TEST_TEMPLATE_DATABASE_URL';
export const S3_ENDPOINT = 'PCS_TEST_S3_ENDPOINT';
export const S3_BUCKET = 'PCS_TEST_S3_BUCKET';
export const SERVING_ROLE_PASSWORD = 'PCS_TEST_SERVING_ROLE_PASSWORD';

/** The database role the services under test serve requests as; the template's owner runs migrations. */
export const TEST_SERVING_ROLE = 'pcs_test_serving';

export function testEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with npm test (its global set-up sets it)`);
  return value;
}
