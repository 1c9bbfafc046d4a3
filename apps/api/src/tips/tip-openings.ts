import { Injectable } from '@nestjs/common';
import type { StaffActor } from '../common/staff-actor';

/** Told when a staff member opens a tip's page; may refuse nothing, only take note. */
export type TipOpenedListener = (actor: StaffActor, tipId: string) => Promise<void>;

/**
 * "A staff member opened this tip", for the features that care and that this one may not import
 * (forwarding: a forward can be revoked only until the receiving agency opens it). They subscribe
 * at start; triage tells them before it reads the tip, so what is read reflects what they did.
 */
@Injectable()
export class TipOpenings {
  private readonly listeners: TipOpenedListener[] = [];

  subscribe(listener: TipOpenedListener): void {
    this.listeners.push(listener);
  }

  async opened(actor: StaffActor, tipId: string): Promise<void> {
    for (const listener of this.listeners) await listener(actor, tipId);
  }
}
