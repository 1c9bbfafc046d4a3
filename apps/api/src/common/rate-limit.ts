import { applyDecorators, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard, ThrottlerRequest } from '@nestjs/throttler';

const RATE_LIMITS = 'vigie:rate-limits';

/**
 * The named limits (declared in app.module) that apply to a route. @nestjs/throttler applies
 * every named limit to every guarded route; this makes each one opt-in, so the staff login limit
 * never counts tip submissions and the other way round.
 */
export const RateLimited = (...names: string[]) =>
  applyDecorators(SetMetadata(RATE_LIMITS, names), UseGuards(RateLimitGuard));

@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    const targets = [props.context.getHandler(), props.context.getClass()];
    const names = this.reflector.getAllAndOverride<string[] | undefined>(RATE_LIMITS, targets) ?? [];
    if (!props.throttler.name || !names.includes(props.throttler.name)) return true;
    // A limit configured off (load tests) costs nothing, not even a counter write.
    if (props.limit >= Number.MAX_SAFE_INTEGER) return true;
    try {
      return await super.handleRequest(props);
    } catch (err) {
      // The throttler names its header after the limit ("Retry-After-tip-client"); clients, the
      // tip form included, read the standard one (RFC 9110): seconds until they may try again.
      if (err instanceof ThrottlerException) {
        const { res } = this.getRequestResponse(props.context);
        const seconds = res.getHeader(`Retry-After-${props.throttler.name}`);
        if (seconds !== undefined) res.setHeader('Retry-After', seconds);
      }
      throw err;
    }
  }
}
