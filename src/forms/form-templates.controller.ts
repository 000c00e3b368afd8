import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access.decorator.js';
import { CurrentCaller, type Caller } from '../common/caller.js';
import {
  FormTemplateDto,
  FormTemplateListDto,
  FormTemplateVersionDto,
  FormTranslationsDto,
  PublishFormTemplateDto,
} from './dto/form-template.dto.js';
import { FORM_LANGUAGES } from './form-template.entity.js';
import { FormTemplatesService, type FormTemplateRecord } from './form-templates.service.js';

const TEMPLATE_ID = { name: 'id', format: 'uuid', description: 'A version of the template.' } as const;

/** Release form templates: the clinic's wording of the form a patient signs, versioned. */
@ApiTags('form templates')
@Controller()
export class FormTemplatesController {
  constructor(private readonly templates: FormTemplatesService) {}

  @RequirePermission('releases.read')
  @Get('form-templates')
  @ApiOperation({
    summary: 'List the release form templates',
    description: 'The newest version of each template, newest first, with the languages it is offered in.',
  })
  @ApiOkResponse({ type: FormTemplateListDto, description: 'The templates.' })
  async list(): Promise<FormTemplateListDto> {
    return Object.assign(new FormTemplateListDto(), { items: (await this.templates.latest()).map(templateView) });
  }

  @RequirePermission('releases.read')
  @Get('form-templates/:id')
  @ApiOperation({
    summary: 'Get a version of a release form template',
    description: 'One version as it was published (a version never changes), with every version of its template.',
  })
  @ApiParam(TEMPLATE_ID)
  @ApiOkResponse({ type: FormTemplateDto, description: 'The version.' })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<FormTemplateDto> {
    return templateView(await this.templates.get(id));
  }

  @RequirePermission('templates.write')
  @Post('form-templates')
  @ApiOperation({
    summary: 'Publish a new release form template',
    description:
      'Privacy officers. Publishes a template as its version 1: the clinic’s name and its wording, in English, ' +
      'Spanish or both, around the parts the service fills in from each release (the photos, the parties, the ' +
      'channels allowed and denied, the conditions, the expiry). Every statement 45 CFR 164.508(c)(2) requires ' +
      'and the consent to sign electronically must be worded; the wording is plain text (no HTML, script or ' +
      'image). Answers the version.',
  })
  @ApiCreatedResponse({ type: FormTemplateDto, description: 'The template, version 1.' })
  async publish(@Body() body: PublishFormTemplateDto, @CurrentCaller() caller: Caller): Promise<FormTemplateDto> {
    return templateView(await this.templates.publish(body, caller));
  }

  @RequirePermission('templates.write')
  @Post('form-templates/:id/versions')
  @ApiOperation({
    summary: 'Publish a new version of a release form template',
    description:
      'Privacy officers. Publishes the next version of the template `id` belongs to, with the whole wording as ' +
      'for a new template; earlier versions stay readable, and forms signed under them keep showing their own. ' +
      'Answers the new version.',
  })
  @ApiParam(TEMPLATE_ID)
  @ApiCreatedResponse({ type: FormTemplateDto, description: 'The new version.' })
  async publishVersion(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PublishFormTemplateDto,
    @CurrentCaller() caller: Caller,
  ): Promise<FormTemplateDto> {
    return templateView(await this.templates.publishVersion(id, body, caller));
  }
}

function templateView({ template, versions }: FormTemplateRecord): FormTemplateDto {
  return Object.assign(new FormTemplateDto(), {
    id: template.id,
    version: template.version,
    publishedAt: template.publishedAt,
    familyId: template.familyId,
    clinicName: template.clinicName,
    wording: Object.assign(new FormTranslationsDto(), template.wording),
    languages: FORM_LANGUAGES.filter((language) => template.wording[language]),
    publishedByUserId: template.publishedByUserId,
    versions: versions.map((each) =>
      Object.assign(new FormTemplateVersionDto(), {
        id: each.id,
        version: each.version,
        publishedAt: each.publishedAt,
      }),
    ),
  });
}
