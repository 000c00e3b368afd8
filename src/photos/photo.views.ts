import type { CaseWithPatientCode } from '../patients/treatment-cases.service.js';
import { CaseDto } from './dto/case.dto.js';
import { API_PREFIX } from '../common/api-prefix.js';
import { OriginalDto, PhotoDto, PhotoSummaryDto, RenditionDto } from './dto/photo.dto.js';
import type { PhotoEntity, RenditionName } from './photo.entity.js';
import { hashToHex } from '../images/perceptual-hash.js';
import type { PhotoWithContext } from './photos.service.js';

export function renditionUrl(photoId: string, name: RenditionName): string {
  return `/${API_PREFIX}/photos/${photoId}/renditions/${name}`;
}

export function photoSummaryView(photo: PhotoEntity): PhotoSummaryDto {
  return Object.assign(new PhotoSummaryDto(), summaryFields(photo));
}

export function photoView({ photo, patientCode, pairedWith }: PhotoWithContext): PhotoDto {
  return Object.assign(new PhotoDto(), {
    ...summaryFields(photo),
    caseId: photo.caseId,
    patientId: photo.patientId,
    patientCode,
    pairedWith,
    perceptualHash: hashToHex(photo.perceptualHash),
    original: Object.assign(new OriginalDto(), {
      contentType: photo.originalContentType,
      width: photo.width,
      height: photo.height,
      bytes: Number(photo.originalBytes),
      sha256: photo.originalSha256,
      fileName: photo.originalFileName,
    }),
    web: Object.assign(new RenditionDto(), {
      contentType: 'image/jpeg',
      width: photo.webWidth,
      height: photo.webHeight,
      bytes: photo.webBytes,
      url: renditionUrl(photo.id, 'web'),
    }),
    thumb: Object.assign(new RenditionDto(), {
      contentType: 'image/webp',
      width: photo.thumbWidth,
      height: photo.thumbHeight,
      bytes: photo.thumbBytes,
      url: renditionUrl(photo.id, 'thumb'),
    }),
  });
}

function summaryFields(photo: PhotoEntity) {
  return {
    id: photo.id,
    kind: photo.kind,
    view: photo.view,
    bodyArea: photo.bodyArea,
    takenAt: photo.takenAt,
    faceVisible: photo.faceVisible,
    identifyingMarks: photo.identifyingMarks,
    pairedPhotoId: photo.pairedPhotoId,
    thumbUrl: renditionUrl(photo.id, 'thumb'),
    uploadedAt: photo.createdAt,
  };
}

export function caseView({ treatmentCase, patientCode }: CaseWithPatientCode, photos: PhotoSummaryDto[]): CaseDto {
  return Object.assign(new CaseDto(), {
    id: treatmentCase.id,
    patientId: treatmentCase.patientId,
    patientCode,
    procedure: treatmentCase.procedure,
    provider: treatmentCase.provider,
    treatmentDate: treatmentCase.treatmentDate,
    notes: treatmentCase.notes,
    createdAt: treatmentCase.createdAt,
    photos,
  });
}
