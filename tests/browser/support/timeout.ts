// Browser journeys start a real app and a real browser: give each step room.
jest.setTimeout(120_000);
