import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { OptionalNotNull } from '../../common/validators.js';
import { IsPlainText } from '../form-text.js';

const TITLE_LIMIT = 200;
const PARAGRAPH_LIMIT = 4000;
// Something besides white space.
const NOT_BLANK = /\S/;

/** A required paragraph of the clinic's wording: plain text, not blank. */
function Paragraph(description: string, example: string): PropertyDecorator {
  return (target, property) => {
    ApiProperty({ description, example, maxLength: PARAGRAPH_LIMIT })(target, property);
    IsString()(target, property);
    Matches(NOT_BLANK, { message: `${String(property)} must not be blank` })(target, property);
    MaxLength(PARAGRAPH_LIMIT)(target, property);
    IsPlainText()(target, property);
  };
}

export class FormWordingDto {
  @ApiProperty({ maxLength: TITLE_LIMIT, example: 'Authorization to use photographs' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  @MaxLength(TITLE_LIMIT)
  @IsPlainText()
  title!: string;

  @Paragraph('What the form is for, in the clinic’s words.', 'We would like to use photographs of your treatment…')
  introduction!: string;

  @Paragraph(
    'The right to revoke in writing, how to do it, and its exceptions (45 CFR 164.508(c)(2)(i)).',
    'You may revoke this authorization at any time by writing to…',
  )
  rightToRevoke!: string;

  @Paragraph(
    'That treatment, payment, enrolment or eligibility does not depend on signing (164.508(c)(2)(ii)).',
    'Your treatment does not depend on whether you sign.',
  )
  treatmentNotConditioned!: string;

  @Paragraph(
    'That what is disclosed may be redisclosed by its recipient and no longer be protected (164.508(c)(2)(iii)).',
    'Once published, the photographs may be copied by others…',
  )
  redisclosure!: string;

  @Paragraph(
    'The consent to sign and receive the form electronically (ESIGN Act, UETA), with the right to a paper copy ' +
      'and to withdraw that consent.',
    'You agree to sign this form electronically…',
  )
  electronicSignatureDisclosure!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: PARAGRAPH_LIMIT })
  @IsOptional()
  @IsString()
  @MaxLength(PARAGRAPH_LIMIT)
  @IsPlainText()
  closing?: string | null;
}

export class FormTranslationsDto {
  @ApiPropertyOptional({ type: FormWordingDto, description: 'The form in English.' })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => FormWordingDto)
  en?: FormWordingDto;

  @ApiPropertyOptional({ type: FormWordingDto, description: 'The form in Spanish.' })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => FormWordingDto)
  es?: FormWordingDto;
}

export class PublishFormTemplateDto {
  @ApiProperty({ maxLength: TITLE_LIMIT, example: 'Riverside Aesthetics' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'clinicName must not be blank' })
  @MaxLength(TITLE_LIMIT)
  @IsPlainText()
  clinicName!: string;

  @ApiProperty({
    type: FormTranslationsDto,
    description: 'The wording in each language the form is offered in: at least one, each complete.',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => FormTranslationsDto)
  wording!: FormTranslationsDto;
}

export class FormTemplateVersionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
  @ApiProperty({ format: 'date-time' }) publishedAt!: Date;
}

export class FormTemplateDto extends FormTemplateVersionDto {
  @ApiProperty({ format: 'uuid', description: 'Shared by every version of the template.' }) familyId!: string;
  @ApiProperty() clinicName!: string;
  @ApiProperty({ type: FormTranslationsDto }) wording!: FormTranslationsDto;
  @ApiProperty({ type: [String], enum: ['en', 'es'], description: 'The languages the form is offered in.' })
  languages!: string[];
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null for the template the service ships.',
  })
  publishedByUserId!: string | null;
  @ApiProperty({ type: [FormTemplateVersionDto], description: 'Every version of the template, newest first.' })
  versions!: FormTemplateVersionDto[];
}

export class FormTemplateListDto {
  @ApiProperty({ type: [FormTemplateDto], description: 'The newest version of each template, newest first.' })
  items!: FormTemplateDto[];
}
