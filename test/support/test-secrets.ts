/**
 * The HS256 secret tests sign with. Front Door refuses the published development secret on a
 * real database, so the tests, which run on one, carry their own.
 */
export const TEST_JWT_SECRET = 'front-door-test-secret-only-for-the-test-suite-0123456789';
