// Each API test file boots the real application on its own database.
jest.setTimeout(30_000);
