import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access.decorator.js';
import { CurrentCaller, type Caller } from '../common/caller.js';
import { ReleaseFormPreviewDto, RenderedFormDto } from './dto/release-form.dto.js';
import { ReleaseFormsService } from './release-forms.service.js';

/** The release form a patient reads: rendered from a template version and the terms filled in. */
@ApiTags('releases')
@Controller()
export class ReleaseFormsController {
  constructor(private readonly forms: ReleaseFormsService) {}

  @RequirePermission('releases.write')
  @Post('patients/:id/release-forms/preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Preview the release form for a patient',
    description:
      'Renders the form the patient would read, in English or Spanish, from a version of a form template and ' +
      'the terms the front desk fills in: the clinic’s wording around the photographs and cases, who discloses ' +
      'and who receives them, the purpose, each channel allowed and denied, each condition, and the expiry. ' +
      'Its `sha256` names exactly what was rendered. Judged as if signed now (a minor needs a guardian to sign). ' +
      'Nothing is recorded but the audited read of the patient’s name.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The patient.' })
  @ApiOkResponse({ type: RenderedFormDto, description: 'The form as rendered.' })
  async preview(
    @Param('id', ParseUUIDPipe) patientId: string,
    @Body() body: ReleaseFormPreviewDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RenderedFormDto> {
    return Object.assign(new RenderedFormDto(), await this.forms.preview(patientId, body, caller));
  }
}
