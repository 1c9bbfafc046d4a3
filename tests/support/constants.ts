/** The demo password every test database is seeded with. */
export const DEMO_PASSWORD = 'demo-password-for-tests';
export const TEMPLATE_DB = 'vigie_template';
