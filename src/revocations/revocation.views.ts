import { API_PREFIX } from '../common/api-prefix.js';
import {
  RequesterViewDto,
  RevocationDocumentDto,
  RevocationDto,
  RevocationScopeViewDto,
} from './dto/revocation.dto.js';
import type { RevocationRecord } from './revocations.service.js';

export function revocationDocumentUrl(revocationId: string): string {
  return `/${API_PREFIX}/revocations/${revocationId}/document`;
}

export function revocationView({ revocation, revokedReleaseIds, removalCaseId }: RevocationRecord): RevocationDto {
  return Object.assign(new RevocationDto(), {
    id: revocation.id,
    patientId: revocation.patientId,
    scope: Object.assign(new RevocationScopeViewDto(), {
      kind: revocation.scopeKind,
      channels: revocation.channels,
      photoIds: revocation.photoIds,
      releaseSeriesIds: revocation.releaseSeriesIds,
    }),
    receivedAt: revocation.receivedAt,
    receivedVia: revocation.receivedVia,
    requester: Object.assign(new RequesterViewDto(), {
      type: revocation.requesterType,
      fullName: revocation.requesterName,
      authority: revocation.requesterAuthority,
    }),
    identityVerification: revocation.identityVerification,
    notes: revocation.notes,
    document:
      revocation.documentKey && revocation.documentContentType && revocation.documentSha256
        ? Object.assign(new RevocationDocumentDto(), {
            contentType: revocation.documentContentType,
            bytes: revocation.documentBytes,
            sha256: revocation.documentSha256,
            fileName: revocation.documentFileName,
            url: revocationDocumentUrl(revocation.id),
          })
        : null,
    recordedByUserId: revocation.recordedByUserId,
    recordedAt: revocation.recordedAt,
    revokedReleaseIds,
    removalCaseId,
  });
}
