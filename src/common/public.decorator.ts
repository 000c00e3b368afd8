import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';

/**
 * Marks a route as reachable without a session. Every other route will have to declare the
 * permission it needs once the access guard is in place; this marker is how a route opts out.
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
