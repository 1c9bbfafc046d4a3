/** The demo password every test database is seeded with. */
export const DEMO_PASSWORD = 'demo-password-for-tests';
export const TEMPLATE_DB = 'vigie_template';
/** The file, in the test run's data folder, that holds everything the test cluster's Postgres writes. */
export const POSTGRES_OUTPUT = 'postgres-output.log';
