import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { IS_PUBLIC, ROLES } from '../../apps/api/src/common/auth.decorators';

/** A route the running app registers, as its controller declares it. */
export interface RegisteredRoute {
  /** GET, POST, … or ALL. */
  method: string;
  /** The controller's prefix and the handler's path, one slash between parts, none at the end. */
  path: string;
  /** Opened with @Public(). */
  isPublic: boolean;
  /** The roles metadata as written (undefined when the route names none), for a test to check. */
  roles: unknown;
}

/** Every route of the app, read from its controllers' metadata: what deny-by-default tests go through. */
export function registeredRoutes(app: INestApplication): RegisteredRoute[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = app.get(Reflector);
  return discovery.getControllers().flatMap(({ instance, metatype }) => {
    if (!instance || !metatype) return [];
    const prefix = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
    return scanner.getAllMethodNames(Object.getPrototypeOf(instance)).flatMap((name) => {
      const handler = instance[name];
      const path = Reflect.getMetadata(PATH_METADATA, handler);
      if (path === undefined) return [];
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const paths = Array.isArray(path) ? path : [path];
      return paths.map((p: string) => ({
        method,
        path: ('/' + [prefix, p].filter(Boolean).join('/')).replace(/\/+/g, '/').replace(/(.)\/$/, '$1'),
        isPublic: reflector.getAllAndOverride(IS_PUBLIC, [handler, metatype]) === true,
        roles: reflector.getAllAndOverride(ROLES, [handler, metatype]),
      }));
    });
  });
}
