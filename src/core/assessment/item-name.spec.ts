import { sampleQuestionnaire, toYaml } from '../../../test/fixtures/questionnaires';
import { parseQuestionnaire } from '../questionnaire/questionnaire.parser';
import { answerLabel, brasiliaTime, itemName } from './item-name';

const q = parseQuestionnaire(toYaml(sampleQuestionnaire()), { file: 'sample/v1.yaml', group: 'sample', version: 1 });

describe('how messages name items and answers', () => {
  it('names an item by its number in the programme and its label, never its key', () => {
    expect(itemName(q, 3, 'policy')).toEqual({ 'pt-BR': 'item 3.1 («Política?»)', en: 'item 3.1 ("Policy?")' });
    expect(itemName(q, 3, 'instrument')['pt-BR']).toMatch(/^item 3\.3 /);
  });

  it('reads answers as a person would', () => {
    expect(answerLabel(q, 'policy', 'partial')).toEqual({ 'pt-BR': 'Parcial', en: 'Partly' });
    expect(answerLabel(q, 'instrument', 'decree')).toEqual({ 'pt-BR': 'Decreto', en: 'Decree' });
    expect(answerLabel(q, 'policy', undefined)).toBe('—');
  });

  it('gives the time in Brasília (UTC−3), with the local date', () => {
    expect(brasiliaTime(new Date('2026-12-01T02:30:00Z'))).toEqual({ time: '23:30', date: '2026-11-30' });
    expect(brasiliaTime(new Date('2026-12-01T14:05:00Z'))).toEqual({ time: '11:05', date: '2026-12-01' });
  });
});
