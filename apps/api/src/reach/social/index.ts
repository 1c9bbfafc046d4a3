// What other features may use of reach's social part: records puts the archive in open-records
// answers, and has it purged by its retention run.
export { SocialArchive } from './archive/social-archive.service';
export { SocialRetention } from './archive/social-retention';
