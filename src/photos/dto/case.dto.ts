import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Identified } from '../../common/identified.js';
import { PhotoSummaryDto } from './photo.dto.js';

export class CaseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({ example: 'P-7KQ2M' }) patientCode!: string;
  @ApiProperty() procedure!: string;
  @ApiProperty() provider!: string;
  @ApiProperty({ format: 'date' }) treatmentDate!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Free text; shown only to roles allowed identified data.',
  })
  @Identified()
  notes!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: [PhotoSummaryDto], description: 'Oldest first.' }) photos!: PhotoSummaryDto[];
}
