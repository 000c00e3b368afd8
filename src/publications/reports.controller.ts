import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access.decorator.js';
import { AppConfig } from '../config/app-config.js';
import {
  DeniedPublicationDto,
  ExpiringReleaseDto,
  RightsReportDto,
  RightsReportQueryDto,
} from './dto/publication.dto.js';
import { publicationView } from './publication.views.js';
import { RightsReportService, type DeniedPublication } from './rights-report.service.js';

const DEFAULT_EXPIRY_WINDOW_DAYS = 30;

@ApiTags('publications')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly rights: RightsReportService,
    private readonly config: AppConfig,
  ) {}

  @RequirePermission('publications.read')
  @Get('rights')
  @ApiOperation({
    summary: 'Get the rights report of live publications',
    description:
      'Decides every live publication again, as of now, and answers those no longer cleared, those recorded as ' +
      'found after the fact whose use consent did not clear when published, and the releases expiring within ' +
      '`expiringWithinDays` (default 30) while publications under them are live. Needs the ' +
      '`publications.read` permission.',
  })
  @ApiOkResponse({ type: RightsReportDto, description: 'The report, as of `generatedAt`.' })
  async rightsReport(@Query() query: RightsReportQueryDto): Promise<RightsReportDto> {
    const report = await this.rights.report(query.expiringWithinDays ?? DEFAULT_EXPIRY_WINDOW_DAYS);
    return Object.assign(new RightsReportDto(), {
      generatedAt: report.generatedAt,
      expiringWithinDays: report.expiringWithinDays,
      deniedLivePublications: report.deniedLivePublications.map((denied) => this.deniedView(denied)),
      unclearedWhenPublished: report.unclearedWhenPublished.map((denied) => this.deniedView(denied)),
      expiringReleases: report.expiringReleases.map((release) => Object.assign(new ExpiringReleaseDto(), release)),
    });
  }

  private deniedView({ item, decision }: DeniedPublication): DeniedPublicationDto {
    return Object.assign(new DeniedPublicationDto(), {
      publication: publicationView(item, this.config.http.publicBaseUrl),
      reasons: decision.reasons,
      remedies: decision.remedies,
    });
  }
}
