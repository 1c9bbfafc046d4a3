import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { StaffRole } from '@vigie/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { finished } from 'node:stream/promises';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { StaffActor } from '../../common/staff-actor';
import { MediaStore } from '../../media/media-store';
import { sealedTipMediaKey } from '../../tips/tip-media.entity';
import type { EvidenceExportDto } from '../dtos/evidence-export.dto';
import { recordsError } from '../records.errors';
import { EvidenceCollector } from './evidence-collector';
import {
  AUDIT_EXTRACT_NOTE,
  AUDIT_FILE,
  AuditExtract,
  EvidenceManifest,
  PACKAGE_FORMAT,
  README_FILE,
  TRANSCRIPT_HTML,
  TRANSCRIPT_JSON,
} from './evidence-package';
import type { EvidenceRecord } from './evidence-record';
import { evidenceReadme } from './evidence-readme';
import { EvidenceZipWriter, sha256Hex } from './evidence-zip-writer';
import { renderTranscriptHtml } from './transcript-html';
import { loggableError } from '../../common/loggable-error';

/**
 * Makes a court-ready ZIP of a tip, a case or a duplicate cluster and streams it to the caller.
 * Everything that can be refused (role, agency, a missing original) is checked before the first
 * byte. The export is audited, with the manifest's SHA-256, before the manifest is written: a
 * complete package never exists without its audit entry. If anything fails midway, the
 * connection is cut, so the caller is left with a ZIP that has no central directory and cannot
 * pass for a whole one.
 */
@Injectable()
export class EvidenceExportService {
  private readonly logger = new Logger(EvidenceExportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly collector: EvidenceCollector,
    private readonly store: MediaStore,
    private readonly audit: AuditService,
  ) {}

  exportTip(actor: StaffActor, tipId: string, dto: EvidenceExportDto, res: Response): Promise<void> {
    return this.export(actor, dto, res, (contact) => this.collector.forTip(actor, tipId, contact));
  }

  exportCase(actor: StaffActor, caseId: string, dto: EvidenceExportDto, res: Response): Promise<void> {
    return this.export(actor, dto, res, (contact) => this.collector.forCase(actor, caseId, contact));
  }

  exportCluster(actor: StaffActor, clusterId: string, dto: EvidenceExportDto, res: Response): Promise<void> {
    return this.export(actor, dto, res, (contact) => this.collector.forCluster(actor, clusterId, contact));
  }

  /** The contact rule comes first: a refused request reads nothing and writes nothing. */
  private async export(
    actor: StaffActor,
    dto: EvidenceExportDto,
    res: Response,
    collect: (includeContact: boolean) => Promise<EvidenceRecord>,
  ): Promise<void> {
    if (dto.includeContact && !actor.roles.includes(StaffRole.SUPERVISOR))
      throw recordsError('CONTACT_NOT_ALLOWED');
    await this.send(actor, await collect(dto.includeContact === true), dto, res);
  }

  private async send(actor: StaffActor, record: EvidenceRecord, dto: EvidenceExportDto, res: Response) {
    for (const o of record.originals) {
      if (!(await this.store.exists(sealedTipMediaKey(o.tipId, o.mediaId)))) {
        this.logger.error({ mediaId: o.mediaId, tipId: o.tipId }, 'sealed original missing from storage');
        throw recordsError('ORIGINAL_MISSING', { details: { mediaId: o.mediaId } });
      }
    }
    const [staff] = await this.dataSource.query(`SELECT display_name FROM staff_user WHERE id = $1`, [
      actor.userId,
    ]);
    const exportedAt = new Date();
    const header: Omit<EvidenceManifest, 'files'> = {
      format: PACKAGE_FORMAT,
      exportId: randomUUID(),
      subject: record.subject,
      agency: record.agency,
      exportedBy: { id: actor.userId, displayName: staff.display_name, roles: actor.roles },
      exportedAt: exportedAt.toISOString(),
      reason: dto.reason.trim(),
      includesContact: dto.includeContact === true,
      hashAlgorithm: 'SHA-256',
    };

    const stamp = header.exportedAt.replace(/[-:]/g, '').slice(0, 15);
    const label = record.subject.label.replace(/[^A-Za-z0-9-]/g, '');
    res.status(200);
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="evidence-${record.subject.type}-${label}-${stamp}.zip"`,
    );
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Evidence-Export-Id', header.exportId);

    const writer = new EvidenceZipWriter(exportedAt);
    res.on('close', () => {
      if (!res.writableFinished) writer.abort(new Error('the client closed the connection'));
    });
    writer.output.pipe(res);
    try {
      writer.addBuffer(README_FILE, evidenceReadme(header));
      writer.addBuffer(TRANSCRIPT_HTML, renderTranscriptHtml(record, header));
      writer.addBuffer(
        TRANSCRIPT_JSON,
        json({
          format: PACKAGE_FORMAT,
          case: record.caseRecord,
          cluster: record.clusterRecord,
          tips: record.tips,
        }),
      );
      for (const o of record.originals) {
        const source = await this.store.read(sealedTipMediaKey(o.tipId, o.mediaId));
        const file = await writer.addStream(o.path, source, { size: o.bytes, mtime: o.receivedAt });
        // The store must still hold what intake sealed; a package must never carry anything else.
        if (file.sha256 !== o.sha256)
          throw new Error(`sealed original ${o.mediaId} no longer matches its SHA-256`);
      }
      const extract: AuditExtract = {
        format: PACKAGE_FORMAT,
        note: AUDIT_EXTRACT_NOTE,
        entries: record.audit,
      };
      writer.addBuffer(AUDIT_FILE, json(extract));

      const manifestJson = Buffer.from(json({ ...header, files: writer.files }));
      const manifestSha256 = sha256Hex(manifestJson);
      await this.dataSource.transaction((tx) =>
        this.record(tx, actor, record, header, manifestSha256, writer),
      );
      writer.finish(manifestJson, manifestSha256);
      await finished(res);
    } catch (err) {
      writer.abort(err as Error);
      if (res.writableFinished) return;
      this.logger.error(
        { err: loggableError(err), exportId: header.exportId },
        'evidence export stopped before the end',
      );
      res.destroy();
    }
  }

  private async record(
    tx: EntityManager,
    actor: StaffActor,
    record: EvidenceRecord,
    header: Omit<EvidenceManifest, 'files'>,
    manifestSha256: string,
    writer: EvidenceZipWriter,
  ): Promise<void> {
    const base = { agencyId: actor.agencyId, actorId: actor.userId };
    if (header.includesContact) {
      for (const tip of record.tips.filter((t) => t.contact && Object.keys(t.contact).length > 0)) {
        await this.audit.append(tx, {
          ...base,
          action: 'tip.contact_exported',
          entityType: 'tip',
          entityId: tip.id,
          data: { exportId: header.exportId, reason: header.reason },
        });
      }
    }
    await this.audit.append(tx, {
      ...base,
      action: 'evidence.exported',
      entityType: record.subject.type,
      entityId: record.subject.id,
      data: {
        exportId: header.exportId,
        manifestSha256,
        reason: header.reason,
        includesContact: header.includesContact,
        tipIds: record.tips.map((t) => t.id),
        ...(record.clusterRecord && {
          clusterId: record.clusterRecord.id,
          primaryTipId: record.clusterRecord.primaryTipId,
        }),
        files: writer.files.length,
        bytes: writer.files.reduce((sum, f) => sum + f.bytes, 0),
      },
    });
  }
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
