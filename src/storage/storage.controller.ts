import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Clock } from '../common/clock.js';
import { Public } from '../common/access.decorator.js';
import { ApiFileResponse, ApiProblems } from '../common/api-docs.js';
import { ObjectStore } from './object-store.js';
import { PresignedTokenSigner } from './presigned-token.js';

/**
 * Serves the local store's presigned links. The token is the authorization: it names one object,
 * carries an expiry and is signed, so the route needs no session.
 */
@ApiTags('storage')
@Controller('storage')
export class StorageController {
  constructor(
    private readonly signer: PresignedTokenSigner,
    private readonly store: ObjectStore,
    private readonly clock: Clock,
  ) {}

  @Public()
  @Get(':token')
  @ApiOperation({
    summary: 'Download a file by its presigned link',
    description:
      'The download link the service hands out for a stored file when it keeps files on local disk ' +
      '(`STORAGE_DRIVER=local`; with S3 the links point at the bucket and this route does not exist). The token ' +
      'is the authorization: it names one file, carries an expiry and is signed, so no credentials are sent. ' +
      'Use the URL as given; an expired, altered or incomplete link answers 403 `link_invalid`.',
  })
  @ApiParam({
    name: 'token',
    description: 'The signed token from the presigned URL (base64url, a dot, base64url).',
    schema: { type: 'string', maxLength: 2048 },
  })
  @ApiFileResponse({
    mediaTypes: ['application/octet-stream', '*/*'],
    description: 'The file, in the media type the link was made for (`application/octet-stream` when none was named).',
    headers: {
      'Content-Disposition': {
        description: 'Sent when the link was made with one, e.g. `attachment; filename="release.pdf"`.',
        schema: { type: 'string' },
      },
      'Cache-Control': {
        description: 'Always `no-store`: a capability link’s answer is kept by no cache.',
        schema: { type: 'string' },
      },
    },
  })
  @ApiProblems({ 403: ['link_invalid'], 404: ['object_not_found'] })
  async download(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    const grant = this.signer.verify(token, this.clock.now());
    const object = await this.store.get(grant.key);
    void reply
      .header('content-type', grant.contentType ?? 'application/octet-stream')
      .header('content-length', object.contentLength)
      .header('cache-control', 'no-store');
    if (grant.contentDisposition) void reply.header('content-disposition', grant.contentDisposition);
    await reply.send(object.body);
  }
}
