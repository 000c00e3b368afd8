import { API_PREFIX } from '../common/api-prefix.js';
import type { ReleaseStanding } from '../rights/release-standing.js';
import {
  ReleaseDto,
  ReleaseEndingDto,
  ReleaseNarrowingDto,
  ReleaseStandingDto,
  ReleaseVersionDto,
  ScopeViewDto,
  SignedByViewDto,
  SignedDocumentDto,
  WitnessDto,
} from './dto/release.dto.js';
import type { ReleaseEntity } from './release.entity.js';
import { scopeOf } from './release-terms.js';
import type { ReleaseRecord } from './releases.service.js';

export function releaseDocumentUrl(releaseId: string): string {
  return `/${API_PREFIX}/releases/${releaseId}/document`;
}

function versionFields(release: ReleaseEntity) {
  return {
    id: release.id,
    version: release.version,
    status: release.supersededAt ? ('superseded' as const) : ('current' as const),
    signedAt: release.signedAt,
    recordedAt: release.createdAt,
    supersededAt: release.supersededAt,
    revokedAt: release.revokedAt,
    revocationId: release.revocationId,
    amendmentReason: release.amendmentReason,
  };
}

export function releaseView({
  release,
  patientCode,
  caseIds,
  witnessName,
  versions,
  checklistComplete,
  standing,
}: ReleaseRecord): ReleaseDto {
  return Object.assign(new ReleaseDto(), {
    ...versionFields(release),
    seriesId: release.seriesId,
    patientId: release.patientId,
    patientCode,
    coversAllCases: release.coversAllCases,
    caseIds,
    signedBy: Object.assign(new SignedByViewDto(), {
      signerType: release.signerType,
      fullName: release.signerFullName,
      relationship: release.signerRelationship,
      authority: release.signerAuthority,
    }),
    witness: Object.assign(new WitnessDto(), { userId: release.witnessUserId, displayName: witnessName }),
    formTemplate: release.formTemplate,
    formVersion: release.formVersion,
    document: Object.assign(new SignedDocumentDto(), {
      contentType: release.documentContentType,
      bytes: release.documentBytes,
      sha256: release.documentSha256,
      fileName: release.documentFileName,
      url: releaseDocumentUrl(release.id),
    }),
    informationDescription: release.informationDescription,
    disclosingParty: release.disclosingParty,
    recipients: release.recipients,
    purpose: release.purpose,
    expiresAt: release.expiresAt,
    expirationEvent: release.expirationEvent,
    rightToRevokeStatement: release.rightToRevokeStatement,
    redisclosureStatement: release.redisclosureStatement,
    conditioningStatement: release.conditioningStatement,
    treatmentConditionedOnSigning: release.treatmentConditionedOnSigning,
    copyProvidedToSigner: release.copyProvidedToSigner,
    scope: Object.assign(new ScopeViewDto(), scopeOf(release)),
    supersedesId: release.supersedesId,
    checklistComplete,
    standing: standingView(standing),
    versions: versions.map((version) => Object.assign(new ReleaseVersionDto(), versionFields(version))),
  });
}

function standingView(standing: ReleaseStanding): ReleaseStandingDto {
  return Object.assign(new ReleaseStandingDto(), {
    state: standing.state,
    ended: standing.ended.map((ending) =>
      Object.assign(new ReleaseEndingDto(), {
        cause: ending.cause,
        at: ending.at,
        revocationId: ending.cause === 'revoked' ? ending.revocationId : null,
      }),
    ),
    defects: [...standing.defects],
    narrowings: standing.narrowings.map((narrowing) =>
      Object.assign(new ReleaseNarrowingDto(), {
        ...narrowing,
        channels: [...narrowing.channels],
        photoIds: [...narrowing.photoIds],
      }),
    ),
  });
}
