import { Foundation1763700000000 } from './1763700000000-foundation';

/** Every migration, oldest first. A new one is generated, read, reviewed, then listed here. */
export const MIGRATIONS = [Foundation1763700000000];
