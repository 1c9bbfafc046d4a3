import { Module } from '@nestjs/common';
import { AuditAnchorJob } from './audit-anchor.job';

/**
 * The scheduled anchoring of the audit chains (audit-anchors.ts). Apart from the global
 * AuditModule, which tools such as `npm run retention` load without any job queue.
 */
@Module({ providers: [AuditAnchorJob] })
export class AuditAnchorsModule {}
