import { ApiProperty, PickType } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { FORM_LANGUAGES, type FormLanguage } from '../../forms/form-template.entity.js';
import { ReleaseMetadataDto } from './release.dto.js';

/** The terms the front desk fills in, and the template and language the form is shown in. */
export class ReleaseFormPreviewDto extends PickType(ReleaseMetadataDto, [
  'coversAllCases',
  'caseIds',
  'signedBy',
  'informationDescription',
  'disclosingParty',
  'recipients',
  'purpose',
  'expiresAt',
  'expirationEvent',
  'scope',
] as const) {
  @ApiProperty({ format: 'uuid', description: 'The version of the form template to word it in.' })
  @IsUUID()
  templateId!: string;

  @ApiProperty({ enum: FORM_LANGUAGES, description: 'The language the patient reads it in.' })
  @IsIn(FORM_LANGUAGES)
  language!: FormLanguage;
}

export class RenderedFormSectionDto {
  @ApiProperty({ description: 'Empty for the introduction and the closing.' }) heading!: string;
  @ApiProperty({ type: [String], description: 'The paragraphs, in order; they name the patient.' })
  paragraphs!: string[];
}

export class RenderedFormDto {
  @ApiProperty({ enum: FORM_LANGUAGES }) language!: FormLanguage;
  @ApiProperty() clinicName!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [RenderedFormSectionDto] }) sections!: RenderedFormSectionDto[];
  @ApiProperty({ description: 'SHA-256 (hex) of the form as rendered: what the patient is shown.' }) sha256!: string;
  @ApiProperty({ format: 'uuid', description: 'The template version it is worded in.' }) templateId!: string;
  @ApiProperty({ type: 'integer' }) templateVersion!: number;
}
