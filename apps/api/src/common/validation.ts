import { ValidationError, ValidationPipe } from '@nestjs/common';
import { commonError } from './domain.exception';

/** Flattens class-validator's tree into `{ "subjects.0.name": "message" }`, first message per field. */
export function fieldErrors(errors: ValidationError[], prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const first = Object.values(error.constraints ?? {})[0];
    if (first) out[path] = first;
    Object.assign(out, fieldErrors(error.children ?? [], path));
  }
  return out;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => commonError('VALIDATION_FAILED', { errors: fieldErrors(errors) }),
  });
}
