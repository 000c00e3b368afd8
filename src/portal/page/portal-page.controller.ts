import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/access.decorator.js';
import { PORTAL_PAGE_HTML, PORTAL_PAGE_SCRIPT } from './portal-page.js';

/** The page a patient's sign-in link opens, and its script (outside /api/v1, no session needed to load). */
@ApiTags('portal')
@Controller('portal')
export class PortalPageController {
  @Public()
  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Open the patient portal page',
    description:
      'Public. The HTML page a mailed sign-in link opens (the link carries its token after `#token=`, which ' +
      'the page exchanges at `POST /api/v1/portal/session`): the patient asks for a link, signs in, sees the ' +
      'overview of their consent and can withdraw it. The page uses only the `/api/v1/portal` routes.',
  })
  @ApiResponse({
    status: 200,
    description: 'The page, never cached.',
    headers: { 'Cache-Control': { description: '`no-store`.', schema: { type: 'string' } } },
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  page(): string {
    return PORTAL_PAGE_HTML;
  }

  // Left out of the document: the page's own script, loaded by the page (a static asset, not an API
  // operation a client would call).
  @ApiExcludeEndpoint()
  @Public()
  @Get('portal.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Header('cache-control', 'no-cache')
  script(): string {
    return PORTAL_PAGE_SCRIPT;
  }
}
