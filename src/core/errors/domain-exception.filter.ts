import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { LocalizedText } from '../i18n/localized-text';
import { message } from '../i18n/message';
import { BODY_LIMITS } from '../http/body-limits';
import { DomainError, type DomainErrorCode, type FieldProblem } from './domain-error';

/** The JSON and form body limit as a person reads it (1 MB). */
const BODY_SIZE = `${BODY_LIMITS.bytes / (1024 * 1024)} MB`;

/** The HTTP status of every code (exported for the test that walks every code). */
export const STATUS: Record<DomainErrorCode, HttpStatus> = {
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  MALFORMED_REQUEST: HttpStatus.BAD_REQUEST,
  INVALID_ANSWERS: HttpStatus.BAD_REQUEST,
  GROUP_NOT_FOUND: HttpStatus.NOT_FOUND,
  VERSION_NOT_FOUND: HttpStatus.NOT_FOUND,
  GOVERNMENT_NOT_FOUND: HttpStatus.NOT_FOUND,
  ROUTE_NOT_FOUND: HttpStatus.NOT_FOUND,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  INVALID_CREDENTIALS: HttpStatus.UNAUTHORIZED,
  TOO_MANY_ATTEMPTS: HttpStatus.TOO_MANY_REQUESTS,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  ROUTE_WITHOUT_ACCESS_RULE: HttpStatus.FORBIDDEN,
  USER_NOT_FOUND: HttpStatus.NOT_FOUND,
  EDITION_NOT_FOUND: HttpStatus.NOT_FOUND,
  ASSESSMENT_NOT_FOUND: HttpStatus.NOT_FOUND,
  GOOD_PRACTICE_NOT_FOUND: HttpStatus.NOT_FOUND,
  REPORT_NOT_READY: HttpStatus.CONFLICT,
  FILE_NOT_FOUND: HttpStatus.NOT_FOUND,
  ALREADY_EXISTS: HttpStatus.CONFLICT,
  STALE_ANSWER: HttpStatus.CONFLICT,
  ILLEGAL_TRANSITION: HttpStatus.CONFLICT,
  ASSESSMENT_LOCKED: HttpStatus.CONFLICT,
  SUBMISSION_INCOMPLETE: HttpStatus.UNPROCESSABLE_ENTITY,
  REVIEW_INCOMPLETE: HttpStatus.UNPROCESSABLE_ENTITY,
  UPLOAD_REJECTED: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  UPLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  NOT_ELIGIBLE: HttpStatus.UNPROCESSABLE_ENTITY,
  CERTIFICATE_NOT_FOUND: HttpStatus.NOT_FOUND,
  BATCH_NOT_FOUND: HttpStatus.NOT_FOUND,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  UNSUPPORTED_MEDIA_TYPE: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  REQUEST_REFUSED: HttpStatus.BAD_REQUEST,
  INTERNAL_ERROR: HttpStatus.INTERNAL_SERVER_ERROR,
  DIAGNOSIS_NOT_SUBMITTED: HttpStatus.CONFLICT,
  DIAGNOSIS_CLOSED: HttpStatus.CONFLICT,
  ENROLMENT_CLOSED: HttpStatus.CONFLICT,
  SEAL_WOULD_BE_EXPIRED: HttpStatus.UNPROCESSABLE_ENTITY,
  STATUS_LIST_NOT_FOUND: HttpStatus.NOT_FOUND,
  NOTHING_TO_ISSUE: HttpStatus.UNPROCESSABLE_ENTITY,
  IDEMPOTENCY_KEY_REUSED: HttpStatus.UNPROCESSABLE_ENTITY,
  IDEMPOTENCY_KEY_IN_PROGRESS: HttpStatus.CONFLICT,
};

/** The body of every error response: Portuguese first, English second, and the fields at fault. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
  readonly messageEn: string;
  readonly errors?: readonly {
    field: string;
    code?: string;
    message: string;
    messageEn: string;
    allowed?: readonly (string | number)[];
  }[];
  readonly details?: Record<string, unknown>;
}

export function errorBody(
  status: number,
  code: string,
  message: LocalizedText,
  fields: readonly FieldProblem[] = [],
  details?: Record<string, unknown>,
): ErrorBody {
  return {
    statusCode: status,
    code,
    message: message['pt-BR'],
    messageEn: message.en,
    ...(fields.length > 0
      ? {
          errors: fields.map((f) => ({
            field: f.field,
            ...(f.code ? { code: f.code } : {}),
            message: f.message['pt-BR'],
            messageEn: f.message.en,
            ...(f.allowed ? { allowed: f.allowed } : {}),
          })),
        }
      : {}),
    ...(details ? { details } : {}),
  };
}

@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(exception);
    void reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return errorBody(
        STATUS[exception.code],
        exception.code,
        exception.userMessage,
        exception.fields,
        exception.details,
      );
    }
    if (exception instanceof HttpException) return this.httpBody(exception);
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return errorBody(500, 'INTERNAL_ERROR', message('error.INTERNAL_ERROR'));
  }

  /**
   * Errors raised by the HTTP layer before any handler ran (unknown route, body that is not JSON, too large,
   * unsupported content type). The parser's own words are for developers: they go in `details`, not in the
   * message a person reads.
   */
  private httpBody(exception: HttpException): ErrorBody {
    const status = exception.getStatus();
    const detail = { reason: exception.message };
    switch (status) {
      case HttpStatus.NOT_FOUND:
        return errorBody(status, 'ROUTE_NOT_FOUND', message('error.ROUTE_NOT_FOUND'));
      case HttpStatus.PAYLOAD_TOO_LARGE:
        return errorBody(
          status,
          'PAYLOAD_TOO_LARGE',
          message('error.PAYLOAD_TOO_LARGE'),
          [{ field: 'body', message: message('common.http.body-too-large', { max: BODY_SIZE }) }],
          { ...detail, limit: 'bytes', max: BODY_LIMITS.bytes },
        );
      case HttpStatus.UNSUPPORTED_MEDIA_TYPE:
        return errorBody(status, 'UNSUPPORTED_MEDIA_TYPE', message('error.UNSUPPORTED_MEDIA_TYPE'), [], detail);
      case HttpStatus.BAD_REQUEST:
        return errorBody(
          status,
          'MALFORMED_REQUEST',
          message('error.MALFORMED_REQUEST'),
          [{ field: 'body', message: message('common.http.body-unreadable') }],
          detail,
        );
      default:
        return errorBody(status, 'REQUEST_REFUSED', message('error.REQUEST_REFUSED'), [], detail);
    }
  }
}
