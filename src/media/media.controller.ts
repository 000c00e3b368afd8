import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../common/access.decorator.js';
import { DomainError } from '../common/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import { MediaService } from './media.service.js';
import { FixedWindowRateLimiter } from './rate-limiter.js';

/**
 * Public URLs of hosted website publications, for the clinic's pages to embed: no session, no
 * patient identity anywhere in the URL or the headers, and 410 Gone once consent ends.
 */
@ApiTags('public media')
@Controller('m')
export class MediaController {
  private readonly limiter: FixedWindowRateLimiter;
  private readonly cacheControl: string;

  constructor(
    private readonly media: MediaService,
    config: AppConfig,
  ) {
    this.limiter = new FixedWindowRateLimiter(config.media.rateLimitPerMinute);
    this.cacheControl = `public, max-age=${config.media.maxAgeSeconds}`;
  }

  @Public()
  @Get(':token')
  @ApiProduces('image/jpeg')
  @ApiOkResponse({ description: 'The web rendition (JPEG); 410 once consent no longer clears the use.' })
  async serve(
    @Param('token') token: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const retryAfter = this.limiter.take(request.ip, Date.now());
    if (retryAfter !== null) {
      throw new DomainError(
        'rate_limited',
        429,
        `Too many image requests from this address. Try again in ${retryAfter} seconds.`,
        { retryAfterSeconds: retryAfter },
        { 'retry-after': String(retryAfter) },
      );
    }
    const image = await this.media.image(token);
    // Embedded by the clinic's own site, which is another origin.
    void reply
      .header('etag', image.etag)
      .header('cache-control', this.cacheControl)
      .header('cross-origin-resource-policy', 'cross-origin');
    if (request.headers['if-none-match'] === image.etag) {
      await reply.code(304).send();
      return;
    }
    await reply.header('content-type', 'image/jpeg').header('content-length', image.bytes.length).send(image.bytes);
  }
}
