// What other features may use of reach's social part: records puts the archive in open-records answers.
export { SocialArchive } from './archive/social-archive.service';
