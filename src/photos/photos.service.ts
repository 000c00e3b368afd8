import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { actingUserId, maySeeIdentified, type Caller } from '../common/caller.js';
import { DomainError, NotFoundError, ValidationFailedError } from '../common/domain-error.js';
import type { UploadedFile } from '../common/multipart.js';
import { ImageService, type RenderedPhoto, type StoredOriginal } from '../images/image.service.js';
import { rightsXmpPacket, withXmp } from '../images/xmp.js';
import type { Fingerprint } from '../images/fingerprint.js';
import { hashToBigintColumn } from '../images/perceptual-hash.js';
import { PhotoFingerprintEntity } from './photo-fingerprint.entity.js';
import { ClearanceService } from '../rights/clearance.service.js';
import { Clock } from '../common/clock.js';
import { photoStanding } from '../rights/clearance.js';
import { usageTerms } from '../rights/usage-terms.js';
import { findCase } from '../patients/patients.service.js';
import type { TreatmentCaseEntity } from '../patients/treatment-case.entity.js';
import { deleteQuietly, putAllOrNone, transactionOwningObjects } from '../storage/object-batch.js';
import { ObjectOwners, ownedByRows } from '../storage/object-owners.js';
import { ObjectStore } from '../storage/object-store.js';
import type { PhotoUploadMetadataDto } from './dto/photo.dto.js';
import { PhotoEntity, type RenditionName } from './photo.entity.js';

export const PHOTO_FILE_FIELD = 'file';
const UNIQUE_VIOLATION = '23505';

export interface PhotoWithContext {
  photo: PhotoEntity;
  patientCode: string;
  /** Photos of the case paired with this one, in either direction. */
  pairedWith: string[];
}

export interface RenditionStream {
  body: Readable;
  contentLength: number;
  contentType: string;
  etag: string;
  photoId: string;
}

/** A photo's original and renditions, stored under its id. */
export const PHOTO_OBJECTS = ownedByRows('photos/', 'photos');

/** Object keys are made from the photo's id, never from anything the client sent. */
export function photoObjectKey(photoId: string, name: RenditionName): string {
  return `${PHOTO_OBJECTS.prefix}${photoId}/${name}`;
}

@Injectable()
export class PhotosService implements OnModuleInit {
  private readonly logger = new Logger(PhotosService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly images: ImageService,
    private readonly store: ObjectStore,
    private readonly audit: AuditService,
    private readonly clearance: ClearanceService,
    private readonly clock: Clock,
    private readonly objectOwners: ObjectOwners,
  ) {}

  onModuleInit(): void {
    this.objectOwners.register(PHOTO_OBJECTS);
  }

  /** The case photos are uploaded to: 404 before the upload's body is read. */
  async findCase(caseId: string): Promise<TreatmentCaseEntity> {
    return findCase(this.dataSource.manager, caseId);
  }

  /**
   * The pipeline of an upload: type by bytes and header checks, duplicate check, then the original
   * stored while one decode makes the renditions and the hash, the renditions stored, then the row
   * and its audit event in one transaction. When anything fails after the first put, every object
   * is deleted again; the orphan sweep is the backstop for a process that dies in between.
   */
  async upload(
    treatmentCase: TreatmentCaseEntity,
    file: UploadedFile | undefined,
    metadata: PhotoUploadMetadataDto,
    caller: Caller,
  ): Promise<PhotoEntity> {
    const caseId = treatmentCase.id;
    if (!file) {
      throw new ValidationFailedError([{ field: PHOTO_FILE_FIELD, messages: ['the photo file is required'] }]);
    }
    if (metadata.pairedWithPhotoId) await this.assertPairable(caseId, metadata.kind, metadata.pairedWithPhotoId);
    const original = await this.images.original(file.bytes, PHOTO_FILE_FIELD);
    await this.assertNotDuplicate(treatmentCase.patientId, original.sha256);

    const id = randomUUID();
    const keys = {
      original: photoObjectKey(id, 'original'),
      web: photoObjectKey(id, 'web'),
      thumb: photoObjectKey(id, 'thumb'),
    };
    const { rendered, stored } = await this.renderAndStore(original, keys);
    try {
      return await transactionOwningObjects(
        this.dataSource,
        this.store,
        Object.values(keys),
        this.logger,
        async (manager) => {
          const photo = manager.create(PhotoEntity, {
            id,
            caseId,
            patientId: treatmentCase.patientId,
            kind: metadata.kind,
            view: metadata.view?.trim() || null,
            bodyArea: metadata.bodyArea?.trim() || null,
            takenAt: metadata.takenAt ? new Date(metadata.takenAt) : null,
            faceVisible: metadata.faceVisible,
            identifyingMarks: (metadata.identifyingMarks ?? []).map((mark) => mark.trim()),
            pairedPhotoId: metadata.pairedWithPhotoId ?? null,
            originalKey: keys.original,
            originalContentType: original.contentType,
            originalBytes: String(original.bytes.length),
            originalSha256: original.sha256,
            originalFileName: file.fileName,
            width: rendered.width,
            height: rendered.height,
            webKey: keys.web,
            webBytes: rendered.web.bytes.length,
            webSha256: stored.get(keys.web) as string,
            webWidth: rendered.web.width,
            webHeight: rendered.web.height,
            thumbKey: keys.thumb,
            thumbBytes: rendered.thumb.bytes.length,
            thumbSha256: stored.get(keys.thumb) as string,
            thumbWidth: rendered.thumb.width,
            thumbHeight: rendered.thumb.height,
            perceptualHash: hashToBigintColumn(rendered.fingerprint.frameHash),
            uploadedByUserId: actingUserId(caller),
          });
          await manager.insert(PhotoEntity, photo);
          await manager.insert(PhotoFingerprintEntity, fingerprintRow(id, rendered.fingerprint));
          await this.audit.record(
            caller,
            {
              action: 'photo.upload',
              entityType: 'photo',
              entityId: id,
              patientId: treatmentCase.patientId,
              details: { caseId, kind: photo.kind, contentType: original.contentType, sha256: original.sha256 },
            },
            manager,
          );
          return photo;
        },
      );
    } catch (error) {
      const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
      if (
        driverError?.code === UNIQUE_VIOLATION &&
        driverError.constraint === 'photos_patient_original_sha256_unique'
      ) {
        await this.assertNotDuplicate(treatmentCase.patientId, original.sha256);
      }
      throw error;
    }
  }

  async get(id: string): Promise<PhotoWithContext> {
    const row = await this.dataSource.manager
      .createQueryBuilder(PhotoEntity, 'photo')
      .innerJoin('photo.patient', 'patient')
      .addSelect('patient.code', 'patient_code')
      .where('photo.id = :id', { id })
      .getRawAndEntities<{ patient_code: string }>();
    const photo = row.entities[0];
    if (!photo) throw new NotFoundError('The photo');
    const reverse = await this.dataSource.query<{ id: string }[]>(
      'SELECT id FROM photos WHERE paired_photo_id = $1 ORDER BY created_at',
      [id],
    );
    const pairedWith = [...(photo.pairedPhotoId ? [photo.pairedPhotoId] : []), ...reverse.map((r) => r.id)];
    return { photo, patientCode: row.raw[0].patient_code, pairedWith };
  }

  /** The client's file name often carries the patient's name: a caller who sees it has that read audited. */
  async auditFileNameRead(photo: PhotoEntity, caller: Caller): Promise<void> {
    if (!photo.originalFileName || !maySeeIdentified(caller)) return;
    await this.audit.record(caller, {
      action: 'photo.read',
      entityType: 'photo',
      entityId: photo.id,
      patientId: photo.patientId,
      details: { fields: ['fileName'] },
    });
  }

  async listForCase(caseId: string): Promise<PhotoEntity[]> {
    return this.dataSource.manager.find(PhotoEntity, { where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * Opens one rendition for streaming. The original is the clinical record: reading it is audited,
   * and only roles allowed identified data reach this with `original` (the controller checks). The
   * web rendition carries the photo's rights as they stand now, in XMP.
   */
  async openRendition(id: string, name: RenditionName, caller: Caller): Promise<RenditionStream> {
    const photo = await this.dataSource.manager.findOneBy(PhotoEntity, { id });
    if (!photo) throw new NotFoundError('The photo');
    if (name === 'web') {
      const [bytes, rights] = await Promise.all([
        buffer((await this.store.get(photo.webKey)).body),
        this.rightsPacket(photo),
      ]);
      const withRights = withXmp(bytes, rights);
      return {
        body: Readable.from([withRights]),
        contentLength: withRights.length,
        contentType: 'image/jpeg',
        etag: webEtag(photo, rights),
        photoId: id,
      };
    }
    const rendition =
      name === 'original'
        ? { key: photo.originalKey, contentType: photo.originalContentType, sha256: photo.originalSha256 }
        : { key: photo.thumbKey, contentType: 'image/webp', sha256: photo.thumbSha256 };
    const object = await this.store.get(rendition.key);
    if (name === 'original') {
      await this.audit.record(caller, {
        action: 'photo.original.read',
        entityType: 'photo',
        entityId: id,
        patientId: photo.patientId,
      });
    }
    return {
      body: object.body,
      contentLength: object.contentLength,
      contentType: rendition.contentType,
      etag: `"${rendition.sha256}"`,
      photoId: id,
    };
  }

  /** The rendition's ETag without opening it, for conditional requests. */
  async renditionEtag(id: string, name: RenditionName): Promise<string | null> {
    const photo = await this.dataSource.manager.findOneBy(PhotoEntity, { id });
    if (!photo) return null;
    if (name === 'web') return webEtag(photo, await this.rightsPacket(photo));
    return `"${name === 'original' ? photo.originalSha256 : photo.thumbSha256}"`;
  }

  /** The XMP rights packet of the photo as its release stands now. */
  private async rightsPacket(photo: PhotoEntity): Promise<string> {
    const facts = (await this.clearance.loadFacts([photo.id])).get(photo.id);
    const terms = usageTerms(
      facts ? photoStanding(facts, this.clock.now()) : { release: null, reasons: [], revokedChannels: [] },
    );
    return rightsXmpPacket({
      usageTerms: terms.text,
      modelReleaseStatus: terms.usable ? 'MR-LMR' : 'MR-NON',
      modelReleaseId: terms.releaseReference,
      licenseEndDate: terms.endsAt,
    });
  }

  /**
   * Puts the original while the renditions are made from it (the put needs nothing from them, and
   * the decode leaves the other core free), then puts the renditions. On any failure everything is
   * deleted and the render's error wins: an unreadable image is the client's 4xx, not a 5xx.
   */
  private async renderAndStore(
    original: StoredOriginal,
    keys: Record<RenditionName, string>,
  ): Promise<{ rendered: RenderedPhoto; stored: Map<string, string> }> {
    const [originalPut, renditions] = await Promise.allSettled([
      this.store.put(keys.original, original.bytes, { sha256: original.sha256 }),
      this.images.render(original).then(async (rendered) => {
        const objects: [string, Buffer][] = [
          [keys.web, rendered.web.bytes],
          [keys.thumb, rendered.thumb.bytes],
        ];
        return { rendered, stored: await putAllOrNone(this.store, objects, this.logger) };
      }),
    ]);
    if (renditions.status === 'fulfilled' && originalPut.status === 'fulfilled') return renditions.value;
    await deleteQuietly(this.store, Object.values(keys), this.logger);
    throw [renditions, originalPut].find((result) => result.status === 'rejected')?.reason;
  }

  private async assertPairable(caseId: string, kind: string, pairedWithPhotoId: string): Promise<void> {
    const other = await this.dataSource.manager.findOne(PhotoEntity, {
      where: { id: pairedWithPhotoId },
      select: { id: true, caseId: true, kind: true },
    });
    if (!other || other.caseId !== caseId) throw new NotFoundError('The photo to pair with (in this case)');
    if ((kind === 'before') === (other.kind === 'before')) {
      throw new DomainError(
        'invalid_pairing',
        422,
        `A ${kind} photo cannot pair with a ${other.kind} photo: a pair is a before and an after (or progress) photo.`,
      );
    }
  }

  private async assertNotDuplicate(patientId: string, sha256: string): Promise<void> {
    const existing = await this.dataSource.manager.findOne(PhotoEntity, {
      where: { patientId, originalSha256: sha256 },
      select: { id: true, caseId: true },
    });
    if (existing) {
      throw new DomainError(
        'duplicate_photo',
        409,
        `This file was already uploaded for the patient as photo ${existing.id}.`,
        {
          existingPhotoId: existing.id,
          existingCaseId: existing.caseId,
        },
      );
    }
  }
}

/** Changes with the stored bytes and with the rights written into them. */
function webEtag(photo: PhotoEntity, rightsPacket: string): string {
  return `"${photo.webSha256}-${createHash('sha256').update(rightsPacket).digest('hex').slice(0, 16)}"`;
}

export function fingerprintRow(photoId: string, fingerprint: Fingerprint): PhotoFingerprintEntity {
  return {
    photoId,
    centreHash: hashToBigintColumn(fingerprint.centreHash),
    descriptor: Buffer.from(fingerprint.descriptor),
  };
}
