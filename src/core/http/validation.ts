import {
  type ArgumentMetadata,
  Injectable,
  type PipeTransform,
  type Type,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainError, type FieldProblem } from '../errors/domain-error';

/** Portuguese for class-validator's constraints; the English original follows with the exact limit. */
const PT_BR: Record<string, string> = {
  isInt: 'deve ser um número inteiro',
  isNumber: 'deve ser um número',
  min: 'abaixo do mínimo permitido',
  max: 'acima do máximo permitido',
  isIn: 'valor fora da lista permitida',
  isString: 'deve ser um texto',
  maxLength: 'texto longo demais',
  minLength: 'texto curto demais',
  isUrl: 'deve ser um endereço http(s)',
  isObject: 'deve ser um objeto',
  isArray: 'deve ser uma lista',
  arrayMaxSize: 'lista longa demais',
  matches: 'formato inválido',
  isNotEmpty: 'não pode ficar vazio',
  nestedValidation: 'estrutura inválida',
};

function flatten(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([code, text]) => ({
      field,
      code,
      message:
        code === 'whitelistValidation'
          ? { 'pt-BR': `campo desconhecido "${field}"`, en: `unknown field "${field}"` }
          : { 'pt-BR': `${field}: ${PT_BR[code] ?? 'valor inválido'} (${text})`, en: text },
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

function validationError(errors: readonly ValidationError[], prefix = ''): DomainError {
  const fields = flatten(errors, prefix);
  const names = [...new Set(fields.map((f) => f.field))].join(', ');
  return new DomainError(
    'VALIDATION_FAILED',
    { 'pt-BR': `Dados inválidos: ${names}.`, en: `Invalid input: ${names}.` },
    fields,
  );
}

/** The same validation as request bodies, for JSON that arrives another way (e.g. a multipart field). */
export function validateAs<T extends object>(cls: Type<T>, plain: unknown, prefix: string): T {
  const instance = plainToInstance(cls, plain ?? {});
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw validationError(errors, prefix);
  return instance;
}

/** class-validator on every body and query, unknown fields refused, problems named field by field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationError(errors),
  });
}

/** A questionnaire version in a path: `2` or `v2`. */
@Injectable()
export class ParseVersionPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    const match = /^v?([1-9]\d{0,5})$/.exec(value);
    if (!match) {
      const field = metadata.data ?? 'version';
      throw new DomainError(
        'VALIDATION_FAILED',
        {
          'pt-BR': `Versão inválida "${value}": use um número, como 1 ou v1.`,
          en: `Invalid version "${value}": use a number, such as 1 or v1.`,
        },
        [
          {
            field,
            message: {
              'pt-BR': 'deve ser um número positivo, como 1 ou v1',
              en: 'must be a positive number, such as 1 or v1',
            },
          },
        ],
      );
    }
    return Number(match[1]);
  }
}

/** A whole number in a path or query (e.g. an edition year), refused with the parameter's name otherwise. */
@Injectable()
export class IntParamPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    if (!/^\d{1,9}$/.test(value ?? '')) {
      const field = metadata.data ?? 'parameter';
      throw new DomainError(
        'VALIDATION_FAILED',
        {
          'pt-BR': `"${field}" deve ser um número inteiro, recebido "${value}".`,
          en: `"${field}" must be a whole number, got "${value}".`,
        },
        [{ field, message: { 'pt-BR': 'deve ser um número inteiro', en: 'must be a whole number' } }],
      );
    }
    return Number(value);
  }
}
