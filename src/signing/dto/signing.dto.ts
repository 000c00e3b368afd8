import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateNested,
} from 'class-validator';
import { FORM_LANGUAGES, type FormLanguage } from '../../forms/form-template.entity.js';
import { ReleaseFormPreviewDto, RenderedFormDto } from '../../releases/dto/release-form.dto.js';
import { SignedByViewDto } from '../../releases/dto/release.dto.js';
import { IsCalendarDate } from '../../common/validators.js';
import { IsPlainText } from '../../forms/form-text.js';
import { MAX_POINTS, MAX_POINTS_PER_STROKE, MAX_STROKES } from '../signature-drawing.js';
import { SIGNING_DELIVERIES, type SigningDelivery } from '../signing-request.entity.js';

export const SIGNING_REQUEST_STATES = ['pending', 'signed', 'cancelled', 'expired'] as const;
export type SigningRequestState = (typeof SIGNING_REQUEST_STATES)[number];

export class CreateSigningRequestDto extends ReleaseFormPreviewDto {
  @ApiProperty({
    enum: SIGNING_DELIVERIES,
    description:
      '`desk`: the patient signs on the clinic’s tablet now, the front desk witnessing. `mail`: a one-time link ' +
      'is mailed to the signer’s address on file (a guardian’s for a guardian), opened with the patient’s date ' +
      'of birth, and signed on their own device within `SIGNING_LINK_DAYS`.',
  })
  @IsIn(SIGNING_DELIVERIES)
  delivery!: SigningDelivery;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The current version of a release of this patient that the form amends: signed, it becomes the next ' +
      'version, and what it no longer allows comes down as a narrowing amendment’s does.',
  })
  @IsOptional()
  @IsUUID()
  amendsReleaseId?: string;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Why the release is amended; required with amendsReleaseId.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @IsPlainText()
  amendmentReason?: string;
}

export class SigningRequestSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty() patientCode!: string;
  @ApiProperty({ enum: SIGNING_DELIVERIES }) delivery!: SigningDelivery;
  @ApiProperty({
    enum: SIGNING_REQUEST_STATES,
    enumName: 'SigningRequestState',
    description: '`expired`: still unsigned after `expiresAt`; it can no longer be signed.',
  })
  status!: SigningRequestState;
  @ApiProperty({ enum: FORM_LANGUAGES }) language!: FormLanguage;
  @ApiProperty({ format: 'uuid', description: 'The form template version.' }) templateId!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ format: 'uuid', description: 'The staff member who made the request.' }) createdByUserId!: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) signedAt!: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The release the signature recorded.' })
  releaseId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The release version it amends.' })
  amendsReleaseId!: string | null;
}

export class SigningRequestDto extends SigningRequestSummaryDto {
  @ApiProperty({
    type: SignedByViewDto,
    description: 'Who signs: `fullName` is the name the signer types, as the form gives it.',
  })
  signer!: SignedByViewDto;

  @ApiProperty({
    type: RenderedFormDto,
    nullable: true,
    description: 'The form as it reads now; its `sha256` is what a signature must name. null once it cannot be signed.',
  })
  form!: RenderedFormDto | null;
}

export class SignedReleaseDto {
  @ApiProperty({ format: 'uuid', description: 'The release the signature recorded.' }) releaseId!: string;
}

export class SigningRequestListDto {
  @ApiProperty({ type: [SigningRequestSummaryDto] }) items!: SigningRequestSummaryDto[];
}

export class SigningRequestListQueryDto {
  @ApiPropertyOptional({ enum: SIGNING_REQUEST_STATES, enumName: 'SigningRequestState', default: 'pending' })
  @IsOptional()
  @IsIn(SIGNING_REQUEST_STATES)
  status?: SigningRequestState;
}

function IsStrokes(): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'isStrokes',
      target: target.constructor,
      propertyName: String(property),
      options: {
        message:
          `strokes must be at most ${MAX_STROKES} lists of x, y numbers, ${MAX_POINTS_PER_STROKE} points each ` +
          `and ${MAX_POINTS} in all`,
      },
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) &&
          value.length <= MAX_STROKES &&
          value.every(
            (stroke: unknown) =>
              Array.isArray(stroke) &&
              stroke.length <= 2 * MAX_POINTS_PER_STROKE &&
              stroke.every((number: unknown) => typeof number === 'number' && Number.isFinite(number)),
          ),
      },
    });
}

export class SignatureDrawingDto {
  @ApiProperty({ type: 'integer', minimum: 100, maximum: 4000, description: 'The canvas width in CSS pixels.' })
  @IsInt()
  @Min(100)
  @Max(4000)
  canvasWidth!: number;

  @ApiProperty({ type: 'integer', minimum: 50, maximum: 4000 })
  @IsInt()
  @Min(50)
  @Max(4000)
  canvasHeight!: number;

  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'number' } },
    description: 'Each stroke as drawn: x0, y0, x1, y1, … in canvas pixels from the top left.',
  })
  @IsStrokes()
  strokes!: number[][];
}

export class SignatureDto {
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'The `sha256` of the form the signer was shown.' })
  @IsString()
  @Matches(/^[0-9a-f]{64}$/, { message: 'shownSha256 must be the SHA-256 (hex) of the form shown' })
  shownSha256!: string;

  @ApiProperty({ maxLength: 200, description: 'The signer types their full name, as the form names them.' })
  @IsString()
  @MaxLength(200)
  typedName!: string;

  @ApiProperty({ description: 'The signer agreed to sign electronically (the form’s ESIGN/UETA disclosure).' })
  @IsBoolean()
  electronicSignatureConsent!: boolean;

  @ApiPropertyOptional({
    description:
      'A guardian affirms they are the relationship the form names and have authority to sign for the patient. ' +
      'Required when a guardian signs.',
  })
  @IsOptional()
  @IsBoolean()
  guardianAttestation?: boolean;

  @ApiProperty({ type: SignatureDrawingDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SignatureDrawingDto)
  signature!: SignatureDrawingDto;
}

export class SigningLinkOpenDto {
  @ApiProperty({ maxLength: 100, description: 'The token of the mailed link (`pcs_g_…`, after `#token=`).' })
  @IsString()
  @MaxLength(100)
  token!: string;

  @ApiProperty({ format: 'date', example: '1990-04-17', description: 'The patient’s date of birth.' })
  @IsCalendarDate()
  dateOfBirth!: string;
}

export class SigningLinkOpenedDto {
  @ApiProperty({ description: 'The proof of identity a signature through this link must carry (`pcs_v_…`).' })
  proof!: string;
  @ApiProperty({ type: String, format: 'date-time' }) proofExpiresAt!: Date;
  @ApiProperty({ enum: FORM_LANGUAGES }) language!: FormLanguage;
  @ApiProperty({ type: RenderedFormDto }) form!: RenderedFormDto;
  @ApiProperty({ type: SignedByViewDto }) signer!: SignedByViewDto;
}

export class RemoteSignatureDto extends SignatureDto {
  @ApiProperty({ maxLength: 100, description: 'The token of the mailed link.' })
  @IsString()
  @MaxLength(100)
  token!: string;

  @ApiProperty({ maxLength: 100, description: 'The `proof` the link’s opening gave.' })
  @IsString()
  @MaxLength(100)
  proof!: string;
}
