import { Global, Module } from '@nestjs/common';
import { Mailer } from './mailer';

/** Outgoing e-mail; global because any feature may need to send one. */
@Global()
@Module({ providers: [Mailer], exports: [Mailer] })
export class MailModule {}
