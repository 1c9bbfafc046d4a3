// Each API test file boots the real application on its own database.
// Generous: a file boots the app on a 2-core machine that may be busy; a bound, not a timed assertion.
jest.setTimeout(60_000);
