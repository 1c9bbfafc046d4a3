// The shared contract's barrel evaluates every DTO, and class-transformer's @Type reads design-time
// metadata as classes are defined. The API loads this polyfill at boot; tests of portal code need it too.
import 'reflect-metadata';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Testing Library unmounts by itself only when test globals are on; they are not, so say it here.
afterEach(cleanup);
