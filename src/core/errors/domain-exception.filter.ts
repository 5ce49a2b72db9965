import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { LocalizedText } from '../i18n/localized-text';
import { DomainError, type DomainErrorCode, type FieldProblem } from './domain-error';

const STATUS: Record<DomainErrorCode, HttpStatus> = {
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  MALFORMED_REQUEST: HttpStatus.BAD_REQUEST,
  INVALID_ANSWERS: HttpStatus.BAD_REQUEST,
  GROUP_NOT_FOUND: HttpStatus.NOT_FOUND,
  VERSION_NOT_FOUND: HttpStatus.NOT_FOUND,
  GOVERNMENT_NOT_FOUND: HttpStatus.NOT_FOUND,
  ROUTE_NOT_FOUND: HttpStatus.NOT_FOUND,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  INVALID_CREDENTIALS: HttpStatus.UNAUTHORIZED,
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
  DIAGNOSIS_CLOSED: HttpStatus.CONFLICT,
  ENROLMENT_CLOSED: HttpStatus.CONFLICT,
  SEAL_WOULD_BE_EXPIRED: HttpStatus.UNPROCESSABLE_ENTITY,
  STATUS_LIST_NOT_FOUND: HttpStatus.NOT_FOUND,
};

/** The body of every error response: Portuguese first, English second, and the fields at fault. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
  readonly messageEn: string;
  readonly errors?: readonly { field: string; code?: string; message: string; messageEn: string }[];
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
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === HttpStatus.NOT_FOUND) {
        return errorBody(status, 'ROUTE_NOT_FOUND', { 'pt-BR': 'Recurso não encontrado.', en: 'Not found.' });
      }
      if (status === HttpStatus.PAYLOAD_TOO_LARGE) {
        return errorBody(
          status,
          'PAYLOAD_TOO_LARGE',
          { 'pt-BR': 'Requisição grande demais.', en: 'Request too large.' },
          [{ field: 'body', message: { 'pt-BR': exception.message, en: exception.message } }],
        );
      }
      if (status === HttpStatus.BAD_REQUEST) {
        // Raised by the HTTP layer before any handler ran, e.g. a body that is not valid JSON.
        return errorBody(
          status,
          'MALFORMED_REQUEST',
          {
            'pt-BR': `Requisição malformada: ${exception.message}`,
            en: `Malformed request: ${exception.message}`,
          },
          [{ field: 'body', message: { 'pt-BR': 'o corpo não pôde ser lido', en: exception.message } }],
        );
      }
      return errorBody(status, HttpStatus[status] ?? 'HTTP_ERROR', {
        'pt-BR': exception.message,
        en: exception.message,
      });
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return errorBody(500, 'INTERNAL_ERROR', {
      'pt-BR': 'Erro interno do servidor; tente novamente.',
      en: 'Internal server error; try again.',
    });
  }
}
