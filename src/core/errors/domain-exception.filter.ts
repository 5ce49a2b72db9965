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
};

/** The body of every error response: Portuguese first, English second, and the fields at fault. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
  readonly messageEn: string;
  readonly errors?: readonly { field: string; code?: string; message: string; messageEn: string }[];
}

export function errorBody(status: number, code: string, message: LocalizedText, fields: readonly FieldProblem[] = []): ErrorBody {
  return {
    statusCode: status,
    code,
    message: message['pt-BR'],
    messageEn: message.en,
    ...(fields.length > 0
      ? { errors: fields.map((f) => ({ field: f.field, ...(f.code ? { code: f.code } : {}), message: f.message['pt-BR'], messageEn: f.message.en })) }
      : {}),
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
      return errorBody(STATUS[exception.code], exception.code, exception.userMessage, exception.fields);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === HttpStatus.NOT_FOUND) {
        return errorBody(status, 'ROUTE_NOT_FOUND', { 'pt-BR': 'Recurso não encontrado.', en: 'Not found.' });
      }
      if (status === HttpStatus.PAYLOAD_TOO_LARGE) {
        return errorBody(status, 'PAYLOAD_TOO_LARGE', { 'pt-BR': 'Requisição grande demais.', en: 'Request too large.' },
          [{ field: 'body', message: { 'pt-BR': exception.message, en: exception.message } }]);
      }
      if (status === HttpStatus.BAD_REQUEST) {
        // Raised by the HTTP layer before any handler ran, e.g. a body that is not valid JSON.
        return errorBody(status, 'MALFORMED_REQUEST', {
          'pt-BR': `Requisição malformada: ${exception.message}`,
          en: `Malformed request: ${exception.message}`,
        }, [{ field: 'body', message: { 'pt-BR': 'o corpo não pôde ser lido', en: exception.message } }]);
      }
      return errorBody(status, HttpStatus[status] ?? 'HTTP_ERROR', { 'pt-BR': exception.message, en: exception.message });
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return errorBody(500, 'INTERNAL_ERROR', {
      'pt-BR': 'Erro interno do servidor; tente novamente.',
      en: 'Internal server error; try again.',
    });
  }
}
