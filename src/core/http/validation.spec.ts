import { Type } from 'class-transformer';
import { IsInt, IsString, MaxLength, ValidateNested, getMetadataStorage } from 'class-validator';
import { cacheValidationRules, validateAs } from './validation';

class Line {
  @IsString() @MaxLength(5) text: string;
}

class Order {
  @IsString() name: string;
  @ValidateNested({ each: true }) @Type(() => Line) lines: Line[];
}

class Child extends Order {
  @IsInt() count: number;
}

const problems = (cls: new () => object, plain: unknown) => {
  try {
    validateAs(cls, plain, '');
    return [];
  } catch (e) {
    return (e as { fields: { field: string; code: string }[] }).fields.map((f) => `${f.field}:${f.code}`);
  }
};

describe('validation rules kept per class (cacheValidationRules)', () => {
  beforeAll(() => cacheValidationRules());

  it('finds the same rules as before, nested and inherited ones included, however often it is asked', () => {
    const bad = { name: 1, lines: [{ text: 'too long' }, { text: 'ok' }], count: 'x', extra: true };
    const expected = ['name:isString', 'lines.0.text:maxLength', 'count:isInt', 'extra:whitelistValidation'];
    for (let i = 0; i < 3; i++) expect(problems(Child, bad).sort()).toEqual([...expected].sort());
    expect(problems(Order, { name: 'a', lines: [{ text: 'ok' }] })).toEqual([]);
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Child, '', true, false);
    expect(storage.getTargetValidationMetadatas(Child, '', true, false)).toBe(first);
    expect(first.map((m) => m.propertyName).sort()).toEqual(['count', 'lines', 'name']);
  });

  it('sees a rule added after the rules were first looked up', () => {
    class Late {
      @IsString() code: string;
      declare size: number;
    }
    expect(problems(Late, { code: 'a' })).toEqual([]);
    IsInt()(Late.prototype, 'size');
    expect(problems(Late, { code: 'a', size: 'big' })).toEqual(['size:isInt']);
  });
});
