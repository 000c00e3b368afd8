import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { DOCUMENT_CONTENT_TYPES } from '../../images/image.service.js';
import { CHANNEL_CODES } from '../../rights/channels.js';

// The HL7 FHIR R4 Consent the service writes (release-fhir.ts), as the OpenAPI document describes it:
// the elements and data types the mapping uses, not the whole of FHIR. Free-text members whose names
// src/common/identified.ts does not classify (`display`, `text`, `title`, …) are named in the
// descriptions rather than as properties, so the check that every text field of an answer is
// classified keeps passing.

@ApiSchema({
  name: 'FhirCoding',
  description: 'A FHIR Coding: a code of a code system. It also carries `display`, the code’s name for people.',
})
export class FhirCodingDto {
  @ApiProperty({ format: 'uri', example: 'http://terminology.hl7.org/CodeSystem/consentscope' }) system!: string;
  @ApiProperty({ example: 'patient-privacy' }) code!: string;
}

@ApiSchema({ name: 'FhirCodeableConcept', description: 'A FHIR CodeableConcept: one or more codings of a concept.' })
export class FhirCodeableConceptDto {
  @ApiProperty({ type: [FhirCodingDto] }) coding!: FhirCodingDto[];
}

@ApiSchema({
  name: 'FhirChannelIdentifier',
  description: 'A publication channel as a FHIR Identifier, in the service’s channel system.',
})
export class FhirChannelIdentifierDto {
  @ApiProperty({ format: 'uri', example: 'urn:photo-consent:fhir:channel' }) system!: string;
  @ApiProperty({ enum: CHANNEL_CODES, enumName: 'Channel', example: 'website' }) value!: string;
}

@ApiSchema({
  name: 'FhirReference',
  description:
    'A FHIR Reference: to a resource by `reference` (`Patient/<id>`, `Media/<id>`, `EpisodeOfCare/<case id>`, ' +
    '`#signer`) or to a channel by `identifier`. It may also carry `display`: the patient’s code, or the channel.',
})
export class FhirReferenceDto {
  @ApiPropertyOptional({ format: 'uri-reference', example: 'Patient/3f2b8c1e-2d4a-4c6b-9e8f-1a2b3c4d5e6f' })
  reference?: string;

  @ApiPropertyOptional({ type: FhirChannelIdentifierDto }) identifier?: FhirChannelIdentifierDto;
}

@ApiSchema({
  name: 'FhirIdentifier',
  description: 'The authorization’s identifier, shared by every version: its series id as a URN.',
})
export class FhirIdentifierDto {
  @ApiProperty({ format: 'uri', example: 'urn:ietf:rfc:3986' }) system!: string;
  @ApiProperty({ format: 'uri', example: 'urn:uuid:3f2b8c1e-2d4a-4c6b-9e8f-1a2b3c4d5e6f' }) value!: string;
}

@ApiSchema({
  name: 'FhirMeta',
  description: 'Also carries `versionId`: the release version’s number, as text.',
})
export class FhirMetaDto {
  @ApiProperty({ format: 'date-time', description: 'When the version was recorded.' }) lastUpdated!: string;
}

@ApiSchema({ name: 'FhirPeriod' })
export class FhirPeriodDto {
  @ApiPropertyOptional({ format: 'date-time' }) start?: string;
  @ApiPropertyOptional({ format: 'date-time' }) end?: string;
}

@ApiSchema({ name: 'FhirProvisionActor', description: 'A recipient of the disclosure: a publication channel.' })
export class FhirProvisionActorDto {
  @ApiProperty({ type: FhirCodeableConceptDto, description: 'Always IRCP, information recipient.' })
  role!: FhirCodeableConceptDto;

  @ApiProperty({ type: FhirReferenceDto }) reference!: FhirReferenceDto;
}

@ApiSchema({ name: 'FhirProvisionData', description: 'Data a provision is about: covered cases or withdrawn photos.' })
export class FhirProvisionDataDto {
  @ApiProperty({ enum: ['instance', 'related', 'dependents', 'authoredby'] }) meaning!: string;
  @ApiProperty({ type: FhirReferenceDto }) reference!: FhirReferenceDto;
}

@ApiSchema({
  name: 'FhirProvision',
  description:
    'A FHIR Consent provision. The top one permits disclosure on the granted channels for the period; the ' +
    'nested ones deny a channel, a depiction (face, name, unobscured marks), a use (paid advertising, ' +
    'educational), or what a revocation or a withdrawal of photos took away from the day it was received.',
})
export class FhirProvisionDto {
  @ApiProperty({ enum: ['permit', 'deny'] }) type!: 'permit' | 'deny';
  @ApiPropertyOptional({ type: FhirPeriodDto }) period?: FhirPeriodDto;
  @ApiPropertyOptional({ type: [FhirProvisionActorDto] }) actor?: FhirProvisionActorDto[];
  @ApiPropertyOptional({ type: [FhirCodeableConceptDto] }) action?: FhirCodeableConceptDto[];
  @ApiPropertyOptional({ type: [FhirCodingDto] }) purpose?: FhirCodingDto[];
  @ApiPropertyOptional({ type: [FhirCodingDto] }) class?: FhirCodingDto[];
  @ApiPropertyOptional({ type: [FhirCodeableConceptDto] }) code?: FhirCodeableConceptDto[];
  @ApiPropertyOptional({ type: [FhirProvisionDataDto] }) data?: FhirProvisionDataDto[];
  @ApiPropertyOptional({ type: () => [FhirProvisionDto] }) provision?: FhirProvisionDto[];
}

@ApiSchema({
  name: 'FhirAttachmentExtension',
  description: 'Also carries `valueString`: the hex SHA-256 of the signed form.',
})
export class FhirAttachmentExtensionDto {
  @ApiProperty({ format: 'uri', example: 'urn:photo-consent:fhir:StructureDefinition/attachment-sha256' }) url!: string;
}

@ApiSchema({
  name: 'FhirAttachment',
  description: 'The signed form. Also carries `title`: the form template and version.',
})
export class FhirAttachmentDto {
  @ApiProperty({ enum: DOCUMENT_CONTENT_TYPES }) contentType!: string;
  @ApiProperty({ format: 'uri-reference', description: 'Where to download it, relative to the service.' })
  url!: string;
  @ApiProperty({ type: 'integer', description: 'Bytes.' }) size!: number;
  @ApiProperty({ format: 'byte', description: 'The SHA-1 of the form, base64 (as FHIR defines `hash`).' })
  hash!: string;
  @ApiProperty({ type: [FhirAttachmentExtensionDto] }) extension!: FhirAttachmentExtensionDto[];
}

@ApiSchema({ name: 'FhirPolicy' })
export class FhirPolicyDto {
  @ApiProperty({ format: 'uri', example: 'https://www.ecfr.gov/current/title-45/section-164.508' }) uri!: string;
}

@ApiSchema({
  name: 'FhirRelatedPerson',
  description:
    'The guardian who signed, contained in the Consent. Also carries `relationship` (the HL7 role code when there ' +
    'is one, and the authority as `text`) and `name` (the signer’s name as `text`).',
})
export class FhirRelatedPersonDto {
  @ApiProperty({ enum: ['RelatedPerson'] }) resourceType!: 'RelatedPerson';
  @ApiProperty({ enum: ['signer'] }) id!: 'signer';
  @ApiProperty({ type: FhirReferenceDto }) patient!: FhirReferenceDto;
}

@ApiSchema({
  name: 'FhirConsent',
  description: 'A release version as an HL7 FHIR R4 Consent resource (privacy consent, HIPAA authorization).',
})
export class FhirConsentDto {
  @ApiProperty({ enum: ['Consent'] }) resourceType!: 'Consent';
  @ApiProperty({ format: 'uuid', description: 'The release version’s id.' }) id!: string;
  @ApiProperty({ type: FhirMetaDto }) meta!: FhirMetaDto;
  @ApiPropertyOptional({ type: [FhirRelatedPersonDto], description: 'Only when a guardian signed.' })
  contained?: FhirRelatedPersonDto[];
  @ApiProperty({ type: [FhirIdentifierDto] }) identifier!: FhirIdentifierDto[];
  @ApiProperty({
    enum: ['active', 'inactive'],
    description: 'Inactive once superseded, revoked, expired, or when the release is not a valid authorization.',
  })
  status!: 'active' | 'inactive';
  @ApiProperty({ type: FhirCodeableConceptDto, description: 'patient-privacy.' }) scope!: FhirCodeableConceptDto;
  @ApiProperty({ type: [FhirCodeableConceptDto], description: 'LOINC 64292-6, release of information consent.' })
  category!: FhirCodeableConceptDto[];
  @ApiProperty({ type: FhirReferenceDto, description: 'The patient, shown by their code.' })
  patient!: FhirReferenceDto;
  @ApiProperty({ format: 'date-time', description: 'When the form was signed.' }) dateTime!: string;
  @ApiProperty({ type: [FhirReferenceDto], description: 'The signer: the patient, or `#signer` for a guardian.' })
  performer!: FhirReferenceDto[];
  @ApiProperty({ type: FhirAttachmentDto }) sourceAttachment!: FhirAttachmentDto;
  @ApiProperty({ type: [FhirPolicyDto], description: '45 CFR 164.508.' }) policy!: FhirPolicyDto[];
  @ApiProperty({ type: FhirCodeableConceptDto, description: 'hipaa-auth.' }) policyRule!: FhirCodeableConceptDto;
  @ApiProperty({ type: FhirProvisionDto }) provision!: FhirProvisionDto;
}
