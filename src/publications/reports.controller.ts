import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
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

  /**
   * Live publications no longer cleared, those found after the fact that consent did not clear when
   * published, and releases about to expire under live publications.
   */
  @RequirePermission('publications.read')
  @Get('rights')
  @ApiOkResponse({ type: RightsReportDto })
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
