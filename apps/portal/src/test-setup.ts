// The shared contract's barrel evaluates every DTO, and class-transformer's @Type reads design-time
// metadata as classes are defined. The API loads this polyfill at boot; tests of portal code need it too.
import 'reflect-metadata';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Testing Library unmounts by itself only when test globals are on; they are not, so say it here.
afterEach(cleanup);

// findBy… and waitFor give up after 1 s by default: a page that answers from a mocked fetch draws
// in milliseconds on a quiet machine and in over a second on two cores running the suite's files
// side by side. What they wait for must still appear; only the patience changes.
configure({ asyncUtilTimeout: 5_000 });
