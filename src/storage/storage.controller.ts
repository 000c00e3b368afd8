import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Clock } from '../common/clock.js';
import { Public } from '../common/access.decorator.js';
import { ObjectStore } from './object-store.js';
import { PresignedTokenSigner } from './presigned-token.js';

/**
 * Serves the local store's presigned links. The token is the authorization: it names one object,
 * carries an expiry and is signed, so the route needs no session.
 */
@ApiExcludeController()
@Controller('storage')
export class StorageController {
  constructor(
    private readonly signer: PresignedTokenSigner,
    private readonly store: ObjectStore,
    private readonly clock: Clock,
  ) {}

  @Public()
  @Get(':token')
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
