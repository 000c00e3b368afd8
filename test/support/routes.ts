import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { API_PREFIX, UNPREFIXED_ROUTES } from '../../src/app.js';
import { ACCESS_RULE, type AccessRule } from '../../src/common/access.decorator.js';

export interface DeclaredRoute {
  method: string;
  /** Fastify's pattern, e.g. /api/v1/users/:id */
  path: string;
  controller: string;
  handler: string;
  rule: AccessRule | undefined;
}

const UNPREFIXED = new Set(UNPREFIXED_ROUTES.map((path) => `/${path}`));

/** Every route Nest registered, from the controllers' metadata, with the access rule each declares. */
export function declaredRoutes(app: NestFastifyApplication): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const subPath = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (subPath === undefined || method === undefined) continue;
        const bare = `/${[base, subPath]
          .map((part) => part.replace(/^\/+|\/+$/g, ''))
          .filter(Boolean)
          .join('/')}`;
        routes.push({
          method: RequestMethod[method],
          path: UNPREFIXED.has(bare) ? bare : `/${API_PREFIX}${bare === '/' ? '' : bare}`,
          controller: controller.name,
          handler: name,
          rule:
            (Reflect.getMetadata(ACCESS_RULE, handler) as AccessRule | undefined) ??
            (Reflect.getMetadata(ACCESS_RULE, controller) as AccessRule | undefined),
        });
      }
    }
  }
  return routes;
}
