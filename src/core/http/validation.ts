import {
  type ArgumentMetadata,
  Injectable,
  type PipeTransform,
  type Type,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import { DomainError, type FieldProblem } from '../errors/domain-error';
import { isParsedJson } from './body-parsers';
import { isMessageKey, type MessageKey, type MessageParams, message } from '../i18n/message';

/** Constraints with a message of their own in the catalogue, and which constraint argument is the limit. */
export const CONSTRAINT_MESSAGES: Record<string, { key: MessageKey; limit?: 'min' | 'max' }> = {
  isInt: { key: 'common.validation.isInt' },
  isNumber: { key: 'common.validation.isNumber' },
  min: { key: 'common.validation.min', limit: 'min' },
  max: { key: 'common.validation.max', limit: 'max' },
  minLength: { key: 'common.validation.minLength', limit: 'min' },
  maxLength: { key: 'common.validation.maxLength', limit: 'max' },
  isIn: { key: 'common.validation.isIn' },
  isString: { key: 'common.validation.isString' },
  isEmail: { key: 'common.validation.isEmail' },
  isUrl: { key: 'common.validation.isUrl' },
  isObject: { key: 'common.validation.isObject' },
  isArray: { key: 'common.validation.isArray' },
  arrayMinSize: { key: 'common.validation.arrayMinSize', limit: 'min' },
  arrayMaxSize: { key: 'common.validation.arrayMaxSize', limit: 'max' },
  matches: { key: 'common.validation.matches' },
  isNotEmpty: { key: 'common.validation.isNotEmpty' },
  isDefined: { key: 'common.validation.isDefined' },
  nestedValidation: { key: 'common.validation.nestedValidation' },
  whitelistValidation: { key: 'common.validation.whitelistValidation' },
};

/** A decorator's message from the catalogue: `@Matches(/^[A-Z]{2}$/, withMessage('common.validation.uf'))`. */
export const withMessage = (key: MessageKey): { message: string } => ({ message: key });

/** The arguments a decorator was given (e.g. 20 for `@MinLength(20)`), found from the object that failed. */
function constraintArgs(error: ValidationError, code: string): readonly unknown[] {
  const target = error.target as object | undefined;
  if (!target) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name === code || m.type === code));
  return (metadata?.constraints as readonly unknown[] | undefined) ?? [];
}

/**
 * One problem per failed constraint, in each language from the catalogue: a decorator's `message` may be a
 * catalogue key (`withMessage('common.validation.uf')`); otherwise the constraint's own message and limit.
 */
function problem(error: ValidationError, field: string, code: string, text: string): FieldProblem {
  if (isMessageKey(text)) return { field, code, message: message(text) };
  const known = CONSTRAINT_MESSAGES[code];
  if (!known) return { field, code, message: message('common.validation.invalid') };
  const args = constraintArgs(error, code);
  const params: MessageParams = known.limit ? { [known.limit]: args[0] as number } : {};
  const allowed = code === 'isIn' && Array.isArray(args[0]) ? (args[0] as (string | number)[]) : undefined;
  return { field, code, message: message(known.key, params), ...(allowed ? { allowed } : {}) };
}

function flatten(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([code, text]) => problem(e, field, code, text));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

function validationError(errors: readonly ValidationError[], prefix = ''): DomainError {
  const fields = flatten(errors, prefix);
  const count = new Set(fields.map((f) => f.field)).size;
  return new DomainError('VALIDATION_FAILED', message('common.invalid-input', { count }), fields);
}

/** The same validation as request bodies, for JSON that arrives another way (e.g. a multipart field). */
export function validateAs<T extends object>(cls: Type<T>, plain: unknown, prefix: string): T {
  const instance = plainToInstance(cls, plain ?? {});
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw validationError(errors, prefix);
  return instance;
}

/**
 * Nest's ValidationPipe, without the two passes that look for what JSON.parse cannot produce, when the value is a
 * body straight from the JSON parser (body-parsers.ts): sparse arrays and binary values. Those two walks of every
 * body (one of them reading class-validator's metadata again) were 3 % of the autosave's CPU time; forms,
 * multipart fields and queries still get them, and every value still has its `constructor` and `prototype` keys
 * stripped. The flag is set only for the synchronous start of Nest's `transform`, which is where
 * the passes run: were a later Nest to run them after an await, they would run on every value again (the flag is
 * off by then), never be skipped for another request's value.
 */
class JsonAwareValidationPipe extends ValidationPipe {
  private parsedJson = false;

  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    this.parsedJson = metadata.type === 'body' && isParsedJson(value);
    try {
      return super.transform(value, metadata) as Promise<unknown>;
    } finally {
      this.parsedJson = false;
    }
  }

  protected override closeArrayGaps(value: unknown): void {
    if (!this.parsedJson) super.closeArrayGaps(value);
  }

  protected override findNestedBinaryValues(object: unknown, cache?: Map<unknown, unknown[]>): ValidationError[] {
    return this.parsedJson ? [] : super.findNestedBinaryValues(object, cache as never);
  }
}

type Rules = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>;
const cachedStorages = new WeakSet<object>();

/**
 * class-validator finds a class's rules, for every object it validates, by filtering all the rules it holds and
 * testing every class it knows for inheritance, then groups them by property: work that grows with the number
 * of DTOs in the engine, and was 3 % of the autosave's CPU time. The rules are fixed once the classes are
 * declared, so each answer (per class and options) is kept, and all are forgotten whenever a rule is added.
 * The kept lists are read by class-validator and Nest, never changed.
 */
export function cacheValidationRules(storage = getMetadataStorage()): void {
  if (cachedStorages.has(storage)) return;
  cachedStorages.add(storage);
  const find = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  let found = new Map<unknown, Map<string, Rules>>();
  let grouped = new WeakMap<Rules, ReturnType<typeof group>>();
  const forget = () => {
    found = new Map();
    grouped = new WeakMap();
  };
  for (const method of ['addValidationMetadata', 'addConstraintMetadata'] as const) {
    const add = (storage[method] as (metadata: unknown) => void).bind(storage);
    storage[method] = ((metadata: never) => {
      forget();
      add(metadata);
    }) as never;
  }
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${JSON.stringify(groups ?? null)}`;
    let ofTarget = found.get(target);
    if (!ofTarget) found.set(target, (ofTarget = new Map()));
    let rules = ofTarget.get(key);
    if (!rules) ofTarget.set(key, (rules = find(target, schema, always, strictGroups, groups)));
    return rules;
  };
  storage.groupByPropertyName = (rules) => {
    let byProperty = grouped.get(rules);
    if (!byProperty) grouped.set(rules, (byProperty = group(rules)));
    return byProperty;
  };
}

/** class-validator on every body and query, unknown fields refused, problems named field by field. */
export function createValidationPipe(): ValidationPipe {
  cacheValidationRules();
  return new JsonAwareValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The failed objects let the messages name each constraint's limit (see constraintArgs).
    validationError: { target: true, value: false },
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
      throw new DomainError('VALIDATION_FAILED', message('common.invalid-version'), [
        { field, code: 'version', message: message('common.validation.version') },
      ]);
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
      throw new DomainError('VALIDATION_FAILED', message('common.invalid-integer'), [
        { field, code: 'isInt', message: message('common.validation.isInt') },
      ]);
    }
    return Number(value);
  }
}
