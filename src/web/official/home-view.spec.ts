import { message } from '../../core/i18n/message';
import { assessmentStages } from '../../core/editions/edition-rules';
import { type AssessmentSummary, assessmentLinks, editionCard, noticeLine } from './home-view';

const summary = (over: Partial<AssessmentSummary> = {}): AssessmentSummary => ({
  id: 'a1',
  editionYear: 2026,
  government: { name: 'Porto Alegre' },
  state: 'diagnosis-in-progress',
  previousAssessmentId: null,
  enrolment: { course: { completedAt: '2026-03-01' } },
  diagnosisDeadline: { deadline: '2026-06-30', editionDeadline: '2026-06-30', extended: false },
  stages: assessmentStages({
    state: over.state ?? 'diagnosis-in-progress',
    letterOfIntent: true,
    focalPerson: true,
    course: true,
    progressReported: false,
  }),
  ...over,
});

describe('the home page of an official', () => {
  it('offers filling and submitting while the diagnosis is open, and the documents always', () => {
    expect(assessmentLinks(summary(), 'pt-BR').map((l) => l.href)).toEqual([
      '/avaliacoes/a1',
      '/avaliacoes/a1/envio',
      '/avaliacoes/a1/documentos',
    ]);
  });

  it('offers priorities once approved, the course while it is missing, monitoring when there was an edition before', () => {
    const links = assessmentLinks(
      summary({ state: 'approved', enrolment: { course: null }, previousAssessmentId: 'a0' }),
      'en',
    );
    expect(links).toEqual([
      { href: '/avaliacoes/a1', label: 'See the diagnosis' },
      { href: '/avaliacoes/a1/curso', label: "Record the focal person's course" },
      { href: '/avaliacoes/a1/prioridades', label: 'Set the priorities' },
      { href: '/avaliacoes/a1/monitoramento', label: 'Report progress on the previous priorities' },
      { href: '/avaliacoes/a1/documentos', label: 'Seal, report and printable version' },
    ]);
  });

  it('leads the next step to the page where it is done, with the deadline in the reader’s format', () => {
    const card = editionCard(summary({ state: 'approved' }), 'pt-BR');
    expect(card.nextPage).toBe('/avaliacoes/a1/prioridades');
    expect(card.deadline).toBe('Prazo do diagnóstico: 30/06/2026');
  });

  it('shows a notice in the reader’s language, linked to its page; an older one as written, marked Portuguese', () => {
    const params = { year: '2026', government: 'Porto Alegre', uf: 'RS' };
    const stored = {
      subject: message('review.mail.sent-back.subject', params)['pt-BR'],
      subjectKey: 'review.mail.sent-back.subject',
      subjectParams: params,
      link: '/avaliacoes/a1',
      createdAt: '2026-05-02T10:00:00Z',
    };
    expect(noticeLine(stored, 'en')).toEqual({
      subject: message('review.mail.sent-back.subject', params).en,
      subjectLang: null,
      link: '/avaliacoes/a1',
      sent: 'sent on 2 May 2026',
    });
    const older = { ...stored, subjectKey: null, subjectParams: null, link: null };
    expect(noticeLine(older, 'en')).toMatchObject({ subject: stored.subject, subjectLang: 'pt-BR', link: null });
    expect(noticeLine(older, 'pt-BR').subjectLang).toBeNull();
  });
});
