import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { JobQueue } from '../jobs/job-queue';
import { AUDIT_ANCHOR_JOB } from '../jobs/job-registry';
import {
  anchorFileOf,
  anchorKey,
  appendAnchors,
  AuditAnchor,
  readAnchors,
  signAnchors,
} from './audit-anchors';

/**
 * Writes the head of every audit chain that moved since its last anchor (see audit-anchors.ts), on
 * a pg-boss schedule (AUDIT_ANCHOR_SCHEDULE). Each anchor also goes to the log at info level.
 */
@Injectable()
export class AuditAnchorJob implements OnModuleInit {
  private readonly logger = new Logger(AuditAnchorJob.name);
  private readonly key: Buffer;
  private readonly file: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {
    this.key = anchorKey(config.encryptionKey);
    this.file = anchorFileOf(config.env);
  }

  async onModuleInit(): Promise<void> {
    await this.jobs.define({
      name: AUDIT_ANCHOR_JOB,
      retryLimit: 2,
      longStatements: true,
      handle: async () => {
        await this.anchor();
      },
    });
    await this.jobs.schedule(AUDIT_ANCHOR_JOB, this.config.env.AUDIT_ANCHOR_SCHEDULE);
  }

  /** Anchors each chain whose head is not anchored yet; returns what it wrote. */
  async anchor(): Promise<AuditAnchor[]> {
    const heads: { chain: string; id: string; hash: string }[] = await this.dataSource.query(
      // By the bigint column, not the text alias: as text, "10" sorts before "9".
      `SELECT DISTINCT ON (chain) chain, id::text, hash FROM audit_event ORDER BY chain, audit_event.id DESC`,
    );
    const anchored = new Map<string, string>();
    let last = '';
    for (const a of await readAnchors(this.file))
      if (a) {
        anchored.set(a.chain, a.id);
        last = a.mac;
      }
    const moved = heads.filter((h) => anchored.get(h.chain) !== h.id);
    const fresh = signAnchors(this.key, moved, last);
    await appendAnchors(this.file, fresh);
    for (const a of fresh) this.logger.log({ anchor: a }, 'audit anchor');
    return fresh;
  }
}
