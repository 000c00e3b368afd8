import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../../common/access.decorator.js';
import { PORTAL_PAGE_HTML, PORTAL_PAGE_SCRIPT } from './portal-page.js';

/** The page a patient's sign-in link opens, and its script (outside /api/v1, no session needed to load). */
@ApiExcludeController()
@Controller('portal')
export class PortalPageController {
  @Public()
  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  page(): string {
    return PORTAL_PAGE_HTML;
  }

  @Public()
  @Get('portal.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Header('cache-control', 'no-cache')
  script(): string {
    return PORTAL_PAGE_SCRIPT;
  }
}
