import { validateAs } from '../../../core/http/validation';
import { EnrolmentDto } from '../../../core/assessment/assessment.dto';
import { DomainError } from '../../../core/errors/domain-error';
import { message } from '../../../core/i18n/message';
import {
  enrolmentData,
  enrolmentFieldFor,
  enrolmentFieldNames,
  enrolmentFormView,
  enrolmentProblems,
  enrolmentValues,
} from './enrolment-form';
import { chosenFile, fieldId } from './form-problems';

const filled = {
  'focalPerson.name': ' Ana Ponto Focal ',
  'focalPerson.email': 'ana@gov.test',
  'focalPerson.phone': '',
  'focalPerson.department': 'Secretaria de Direitos Humanos',
  'substitutes.1.name': 'Bruno Suplente',
  'substitutes.1.email': 'bruno@gov.test',
  'substitutes.1.department': 'Assistência Social',
  'migrantService.name': 'Centro de Referência',
  'migrantService.phone': '(51) 3289-1111',
  'migrantService.email': 'crai@gov.test',
  'migrantService.address': 'Rua dos Andradas, 1000',
};

function problemsOf(values: ReturnType<typeof enrolmentValues>, lang: 'pt-BR' | 'en' = 'pt-BR') {
  const { data, rows } = enrolmentData(values, '4314902');
  try {
    validateAs(EnrolmentDto, data, '');
    return [];
  } catch (e) {
    return enrolmentProblems(lang, values, (e as DomainError).fields, rows);
  }
}

describe('enrolment form', () => {
  it('sends what the API takes: values trimmed, an empty phone left out, empty substitute rows dropped', () => {
    const { data, rows } = enrolmentData(enrolmentValues(filled), '4314902');
    expect(rows).toEqual([1]);
    expect(data.focalPerson).toEqual({
      name: 'Ana Ponto Focal',
      email: 'ana@gov.test',
      department: 'Secretaria de Direitos Humanos',
    });
    expect(data.substitutes).toEqual([
      { name: 'Bruno Suplente', email: 'bruno@gov.test', department: 'Assistência Social' },
    ]);
    expect(() => validateAs(EnrolmentDto, data, '')).not.toThrow();
  });

  it('stays within the multipart reader’s 20 text fields', () => {
    expect(enrolmentFieldNames().length).toBeLessThanOrEqual(20);
  });

  it('names each field at fault with its section and reason, in the order of the form', () => {
    const values = enrolmentValues({ ...filled, 'focalPerson.email': '', 'migrantService.phone': 'abc' });
    expect(problemsOf(values)).toEqual([
      { field: 'focalPerson-email', text: 'Ponto focal, E-mail: preencha este campo.' },
      {
        field: 'migrantService-phone',
        text: 'Serviço local de atendimento a migrantes, Telefone: deve ser um número de telefone (dígitos, espaços, +, -, parênteses).',
      },
    ]);
    expect(problemsOf(values, 'en')[0]).toEqual({
      field: 'focalPerson-email',
      text: 'Focal person, E-mail: fill in this field.',
    });
  });

  it('puts a substitute’s problem back on the row it was typed in', () => {
    const values = enrolmentValues({ ...filled, 'substitutes.1.email': 'bruno' });
    expect(problemsOf(values)).toEqual([
      { field: 'substitutes-1-email', text: 'Suplente 2, E-mail: deve ser um endereço de e-mail.' },
    ]);
    expect(enrolmentFieldFor('substitutes.0.email', [1])).toBe('substitutes-1-email');
    expect(enrolmentFieldFor('file', [])).toBe('letterOfIntent');
    expect(enrolmentFieldFor('governmentCode', [])).toBeNull();
  });

  it('draws every field with its value, hint and error, linked by aria-describedby', () => {
    const values = enrolmentValues(filled);
    const problems = [{ field: 'focalPerson-phone', text: 'Ponto focal, Telefone: formato inválido.' }];
    const view = enrolmentFormView('pt-BR', values, problems);
    const phone = view.focalPerson.find((f) => f.id === 'focalPerson-phone')!;
    expect(phone).toMatchObject({
      name: 'focalPerson.phone',
      type: 'tel',
      required: false,
      hint: 'Opcional.',
      error: 'Ponto focal, Telefone: formato inválido.',
      describedBy: 'focalPerson-phone-hint focalPerson-phone-error',
    });
    expect(view.focalPerson[0]).toMatchObject({ value: 'Ana Ponto Focal', required: true, describedBy: null });
    expect(view.substitutes.map((s) => s.legend)).toEqual(['Suplente 1', 'Suplente 2']);
    expect(view.substitutes[1].fields[0]).toMatchObject({ value: 'Bruno Suplente', required: false });
    expect(view.letter).toEqual({ id: 'letterOfIntent', error: null });
  });

  it('says the letter is missing in the reader’s language', () => {
    const values = enrolmentValues(filled);
    const missing = [{ field: 'letterOfIntent', message: message('web.enrolment.letter.missing') }];
    expect(enrolmentProblems('en', values, missing, [])).toEqual([
      { field: 'letterOfIntent', text: 'Letter of intent: choose the PDF of the signed letter.' },
    ]);
  });

  it('takes an empty file input as no file', () => {
    const empty = {
      field: 'letterOfIntent',
      fileName: '',
      declaredMime: 'application/octet-stream',
      bytes: Buffer.alloc(0),
    };
    const chosen = { ...empty, fileName: 'carta.pdf', bytes: Buffer.from('%PDF') };
    expect(chosenFile([empty], 'letterOfIntent')).toBeUndefined();
    expect(chosenFile([chosen], 'letterOfIntent')).toBe(chosen);
    expect(fieldId('substitutes.0.name')).toBe('substitutes-0-name');
  });
});
