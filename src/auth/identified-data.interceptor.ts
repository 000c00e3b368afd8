import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { withoutIdentifiedFields } from '../common/identified.js';
import { IDENTIFIED_DATA_PERMISSION } from '../common/roles.js';

/**
 * Enforces, in serialization, that callers without the identified-data permission (marketing, API
 * keys) never receive a patient's name, date of birth or contact details: fields marked
 * @Identified(), and fields with identifying names, are removed wherever they are nested. Routes that
 * write the reply themselves (@Res) bypass interceptors and must not send identified data to such
 * callers.
 */
@Injectable()
export class IdentifiedDataInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    // A patient's session reaches only the patient's own records (the portal), which they may read.
    const maySeeIdentified =
      request.principal?.kind === 'patient' ||
      (request.principal?.permissions.has(IDENTIFIED_DATA_PERMISSION) ?? false);
    return maySeeIdentified ? next.handle() : next.handle().pipe(map(withoutIdentifiedFields));
  }
}
