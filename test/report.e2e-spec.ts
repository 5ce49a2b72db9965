import pdfParse from 'pdf-parse/lib/pdf-parse.js';
import { healthRecommendations } from '../src/indicators/health/health.recommendations';
import { answerAndSubmit, reviewAndApprove, setPriorities } from './support/diagnosis';
import { auth, bootWithStaff, createEdition, createUser, enrol, samplePdf } from './support/lifecycle';
import type { RunningApp } from './support/test-app';

const SAO_PAULO = '3550308';
const PORTO_ALEGRE = '4314902';
const ptScore = (n: number) => n.toLocaleString('pt-BR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const enScore = (n: number) => n.toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const flat = (s: string) => s.replace(/\s+/g, ' ');

/** The text of every page, in order (pdf-parse joins pages; its page hook keeps them apart). */
async function pagesOf(pdf: Buffer): Promise<string[]> {
  const pages: string[] = [];
  await pdfParse(pdf, {
    pagerender: async (page: any) => {
      // As pdf-parse's own renderer: a new line when the baseline moves, nothing between runs of one line.
      const content = await page.getTextContent({ normalizeWhitespace: false, disableCombineTextItems: false });
      let lastY: number | undefined;
      let text = '';
      for (const item of content.items as { str: string; transform: number[] }[]) {
        text += lastY === undefined || lastY === item.transform[5] ? item.str : `\n${item.str}`;
        lastY = item.transform[5];
      }
      pages.push(text);
      return text;
    },
  });
  return pages.map(flat);
}

describe('the Relatório de Diagnóstico', () => {
  let app: RunningApp;
  let cleanup: () => void;
  const t: Record<string, string> = {};
  let earlier: string;
  let current: string;
  let earlierIndex: number;
  let currentIndex: number;
  let titles: string[];
  let englishTitles: string[];
  let interpretersLabel: { 'pt-BR': string; en: string };

  let refusedBeforeApproval: { status: number; body: any };

  beforeAll(async () => {
    const booted = await bootWithStaff();
    ({ app, cleanup } = booted);
    Object.assign(t, booted.tokens);
    t.sp = await createUser(app, t.admin, 'focal@saopaulo.test', 'official', SAO_PAULO);
    t.poa = await createUser(app, t.admin, 'focal@portoalegre.test', 'official', PORTO_ALEGRE);

    // 2024: group 10 still on its first questionnaire, every policy only partly in place.
    await createEdition(app, t.admin, 2024, { protection: 1 });
    earlier = (await enrol(app, t.sp, 2024, SAO_PAULO)).id;
    await answerAndSubmit(app, t.sp, earlier, (_group, item) =>
      item.type === 'yes-partial-no' ? 'partial' : undefined,
    );
    earlierIndex = (await reviewAndApprove(app, t.reviewer, earlier)).scoreSnapshot.index.index;
    await setPriorities(app, t.sp, earlier, [
      {
        group: 'governance',
        itemKey: 'budget-line',
        commitment: 'Incluir no PPA uma ação orçamentária própria para a política municipal para migrantes.',
      },
    ]);

    // 2025: group 10 on v2; health interpreters missing, the budget line still partial.
    await createEdition(app, t.admin, 2025);
    current = (await enrol(app, t.sp, 2025, SAO_PAULO)).id;
    const previous = (await app.request('GET', `/api/assessments/${current}/priorities`, undefined, auth(t.sp))).body
      .previousEditionPriorities;
    await app.request(
      'PUT',
      `/api/assessments/${current}/priority-progress`,
      { reports: [{ priorityId: previous[0].id, status: 'in-progress', note: 'Ação prevista na revisão do PPA.' }] },
      auth(t.sp),
    );
    const practice = async (title: string, group: string) =>
      (
        await app.request(
          'POST',
          `/api/assessments/${current}/good-practices`,
          {
            title,
            group,
            description: 'Descrição da prática com público atendido, parceiros e resultados alcançados.',
            startYear: 2017,
            link: 'https://prefeitura.sp.gov.br/cidade/secretarias/direitos_humanos/imigrantes',
          },
          auth(t.sp),
        )
      ).body.id;
    const approved = await practice('Centro de Referência e Atendimento para Imigrantes (CRAI)', 'transparency');
    const rejected = await practice('Festival de culinária sem participação de migrantes', 'participation');

    refusedBeforeApproval = await app.request('GET', `/api/assessments/${current}/report.pdf`, undefined, auth(t.sp));

    // The designation act as an uploaded file; every other evidence is a link.
    const form = new FormData();
    form.append('file', new Blob([samplePdf('Portaria 123/2023')], { type: 'application/pdf' }), 'portaria.pdf');
    const act = (await app.upload(`/api/assessments/${current}/evidence`, form, auth(t.sp))).body;
    await answerAndSubmit(
      app,
      t.sp,
      current,
      (group, item) =>
        group === 'health' && item.key === 'interpreters'
          ? 'no'
          : group === 'governance' && item.key === 'budget-line'
            ? 'partial'
            : undefined,
      (group, item) =>
        group === 'governance' && item.key === 'focal-body'
          ? [{ file: act.file, fileName: 'portaria-123-2023-coordenacao-migrantes.pdf' }]
          : undefined,
    );
    await app.request(
      'PUT',
      `/api/good-practices/${approved}/review`,
      { decision: 'approve', comment: 'Serviço consolidado e documentado.' },
      auth(t.reviewer),
    );
    await app.request(
      'PUT',
      `/api/good-practices/${rejected}/review`,
      { decision: 'reject', comment: 'Não envolve a população migrante.' },
      auth(t.reviewer),
    );
    const approval = await reviewAndApprove(app, t.reviewer, current, [
      {
        group: 'health',
        itemKey: 'staff-training',
        decision: 'adjust',
        rating: 'partial',
        note: 'As capacitações alcançaram só as UBS do centro, não toda a rede.',
      },
    ]);
    currentIndex = approval.scoreSnapshot.index.index;
    await setPriorities(app, t.sp, current, [
      {
        group: 'health',
        itemKey: 'interpreters',
        commitment: 'Contratar intérpretes de espanhol e crioulo haitiano para as UBS do centro até 2026.',
      },
    ]);
    const view = (await app.request('GET', `/api/assessments/${current}`, undefined, auth(t.sp))).body;
    titles = view.groups.map((g: { title: { 'pt-BR': string } }) => g.title['pt-BR']);
    englishTitles = view.groups.map((g: { title: { en: string } }) => g.title.en);
    interpretersLabel = view.groups
      .find((g: { group: string }) => g.group === 'health')
      .items.find((i: { key: string }) => i.key === 'interpreters').label;
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    cleanup?.();
  });

  let pdf: Buffer;
  let pages: string[];
  let text: string;

  it('is refused until the diagnosis is approved', () => {
    expect(refusedBeforeApproval.status).toBe(409);
    expect(refusedBeforeApproval.body.code).toBe('REPORT_NOT_READY');
    expect(refusedBeforeApproval.body.message).toContain('aprova');
  });

  it('is a PDF download for the government\u2019s officials, with a file name naming the government and edition', async () => {
    const r = await fetch(`${app.baseUrl}/api/assessments/${current}/report.pdf`, { headers: auth(t.sp) });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('content-disposition')).toBe(
      'attachment; filename="relatorio-diagnostico-migracidades-2025-sao-paulo-sp.pdf"',
    );
    pdf = Buffer.from(await r.arrayBuffer());
    pages = await pagesOf(pdf);
    text = pages.join(' ');
    expect(pages.length).toBeGreaterThanOrEqual(18);
  });

  it('is for the assessment\u2019s officials and the IOM, the university and administrators only', async () => {
    expect((await app.request('GET', `/api/assessments/${current}/report.pdf`, undefined, auth(t.poa))).status).toBe(
      403,
    );
    expect((await app.request('GET', `/api/assessments/${current}/report.pdf`)).status).toBe(401);
    const r = await fetch(`${app.baseUrl}/api/assessments/${earlier}/report.pdf`, { headers: auth(t.certifier) });
    expect(r.status).toBe(200);
    expect((await pdfParse(Buffer.from(await r.arrayBuffer()))).text).toContain(
      'Relatório de Diagnóstico MigraCidades 2024 · São Paulo (SP)',
    );
  });

  it('opens with a cover, a sumário with page numbers, and numbers every page after the cover', () => {
    expect(pages[0]).toContain('Relatório de Diagnóstico');
    expect(pages[0]).toContain('São Paulo');
    expect(pages[0]).toMatch(/edição 2025/i);
    expect(pages[0]).not.toContain('Página');
    expect(pages[1]).toContain('Sumário');
    const chapterPage = pages.findIndex((p, i) => i > 1 && /grupo 6 · acesso a direitos e serviços/i.test(p)) + 1;
    expect(chapterPage).toBeGreaterThan(3);
    expect(pages[1]).toMatch(/Informações gerais\s*3\b/);
    expect(pages[1]).toMatch(new RegExp(`6\\. Acesso à saúde\\s*${chapterPage}\\b`));
    expect(pages[2]).toContain(`Página 3 de ${pages.length}`);
  });

  it('leaves no page nearly empty: short parts and the chapters follow on rather than strand a few lines on a page', () => {
    const middle = pages.slice(2, -1).map((p) => flat(p).length);
    expect(Math.min(...middle)).toBeGreaterThan(600);
  });

  it('gives its charts legends: the maturity levels and the index line of the group scores, the index of the trend', () => {
    const overview = flat(pages.find((p) => p.includes('Diagnóstico geral') && !p.includes('Sumário'))!);
    expect(overview).toContain('Índice MigraCidades 2025 (linha tracejada)');
    for (const level of ['Inicial', 'Em desenvolvimento', 'Consolidado', 'Referência'])
      expect(overview).toContain(level);
    expect(text).toContain('Índice MigraCidades em cada edição');
  });

  it('gives the general information: place, population and SISMIGRA when known, submission date, people and the migrant service', () => {
    const info = pages[2];
    expect(info).toContain('Informações gerais');
    expect(info).toContain('São Paulo (SP)');
    // Table cells on one line come out of the PDF without a space between them.
    expect(info).toMatch(/Região\s*Sudeste/);
    expect(info).toMatch(/População estimada \(IBGE\)\s*não informado/);
    expect(info).toMatch(/Migrantes internacionais registrados \(SISMIGRA\)\s*não informado/);
    expect(info).toMatch(/Informações enviadas pelo governo em\s*\d{2}\/\d{2}\/2\d{3}/);
    for (const expected of [
      'Ponto focal',
      'Ana Ponto Focal',
      'Secretaria de Direitos Humanos',
      'Suplente',
      'Bruno Suplente',
      'Secretaria de Assistência Social',
      'Centro de Referência para Migrantes',
      '(51) 3289-1111',
      'Rua dos Andradas, 1000, Centro',
    ]) {
      expect(info).toContain(expected);
    }
  });

  it('explains the platform and how to read the report', () => {
    expect(text).toContain('Sobre a plataforma');
    expect(text).toContain('Como ler este relatório');
    expect(text).toContain('Em desenvolvimento');
  });

  it('states the overall diagnosis with the index the API computed, in words', () => {
    const overview = pages.find((p) => p.includes('Diagnóstico geral') && p.includes('Índice MigraCidades 2025'))!;
    expect(overview).toContain(ptScore(currentIndex));
    expect(overview).toContain(
      `São Paulo (SP) obteve o Índice MigraCidades de ${ptScore(currentIndex)} na edição 2025`,
    );
    expect(overview).toMatch(/precisa(m)? de atenção/);
    expect(overview).toContain('«Acesso à saúde»');
  });

  it('has one chapter per indicator group, with what is missing and the group\u2019s recommendation for it', () => {
    expect(titles).toHaveLength(10);
    for (const [i, title] of titles.entries()) {
      expect(pages.some((p) => p.toLowerCase().includes(`grupo ${i + 1} ·`) && p.includes(title))).toBe(true);
    }
    const start = pages.findIndex((p) => p.toLowerCase().includes('grupo 6 ·'));
    const health = pages
      .slice(
        start,
        pages.findIndex((p) => p.toLowerCase().includes('grupo 7 ·')),
      )
      .join(' ');
    expect(health).toContain('O que falta');
    expect(health).toContain('Resposta: Não');
    expect(text).toContain(flat(healthRecommendations.interpreters['pt-BR']));
    expect(text).toContain('O que já existe');
    expect(text).toContain('O que existe em parte');
  });

  it('shows, per item, the evidence the review validated (file name or link) and marks an adjustment with its justification', () => {
    const chapter = (n: number) => {
      const start = pages.findIndex((p) => p.toLowerCase().includes(`grupo ${n} ·`));
      return pages
        .slice(
          start,
          pages.findIndex((p) => p.toLowerCase().includes(`grupo ${n + 1} ·`)),
        )
        .join(' ');
    };
    const governance = chapter(1);
    expect(governance).toContain('Evidência validada: portaria-123-2023-coordenacao-migrantes.pdf');
    expect(governance).toContain('Evidência validada: https://leismunicipais.test/evidencia/budget-line.pdf');
    expect(governance).not.toContain('Ajuste da revisão');
    const health = chapter(6);
    expect(health).toContain('Ajuste da revisão');
    expect(health).toContain('O governo respondeu «Sim»; a revisão considerou «Parcial».');
    expect(health).toContain('Justificativa: As capacitações alcançaram só as UBS do centro, não toda a rede.');
    // The adjusted item is scored with the reviewer's rating: it appears among the partly met.
    expect(health.indexOf('O que existe em parte')).toBeLessThan(health.indexOf('Ajuste da revisão'));
  });

  it('lists the good practices the review approved, and not the rejected ones', () => {
    expect(text).toContain('Centro de Referência e Atendimento para Imigrantes (CRAI)');
    expect(text).not.toContain('Festival de culinária');
  });

  it('lists the priorities with their commitments, and the progress reported on the previous edition\u2019s', () => {
    expect(text).toContain('Contratar intérpretes de espanhol e crioulo haitiano para as UBS do centro até 2026.');
    expect(text).toContain('Andamento das prioridades da edição 2024');
    expect(text).toContain('Em andamento');
  });

  it('shows progress against the earlier edition: both years, both indexes, and the changed group-10 questionnaire', () => {
    const start = pages.findIndex((p, i) => i > 1 && p.includes('Evolução entre edições'));
    const progress = pages.slice(start).join(' ');
    expect(progress).toContain('participa do MigraCidades desde 2024');
    expect(progress).toMatch(/2024\s*2025\s*Variação/i);
    expect(progress).toMatch(new RegExp(`Índice MigraCidades\\s*${ptScore(earlierIndex)}\\s*${ptScore(currentIndex)}`));
    expect(progress).toContain('v1 em 2024, v2 em 2025');
  });

  describe('in English (?lang=en)', () => {
    let en: string[];
    let enText: string;

    it('is refused for a language the engine does not write, naming the field', async () => {
      const r = await app.request('GET', `/api/assessments/${current}/report.pdf?lang=es`, undefined, auth(t.sp));
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('VALIDATION_FAILED');
      expect(r.body.errors.map((e: { field: string }) => e.field)).toEqual(['lang']);
    });

    it('is the same assessment\u2019s report, with a file name that carries the language', async () => {
      const r = await fetch(`${app.baseUrl}/api/assessments/${current}/report.pdf?lang=en`, { headers: auth(t.sp) });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-disposition')).toBe(
        'attachment; filename="relatorio-diagnostico-migracidades-2025-sao-paulo-sp-en.pdf"',
      );
      en = await pagesOf(Buffer.from(await r.arrayBuffer()));
      enText = en.join(' ');
      expect(en.length).toBeGreaterThanOrEqual(18);
    });

    it('has English section titles, with the sumário\u2019s page numbers', () => {
      expect(en[0]).toContain('Diagnosis Report');
      expect(en[0]).toMatch(/2025 edition/i);
      expect(en[1]).toContain('Contents');
      expect(en[1]).toMatch(/General information\s*3\b/);
      const health = englishTitles[5];
      const chapterPage = en.findIndex((p, i) => i > 1 && /group 6 · access to rights and services/i.test(p)) + 1;
      expect(chapterPage).toBeGreaterThan(3);
      expect(en[1]).toMatch(new RegExp(`6\\. ${health}\\s*${chapterPage}\\b`));
      expect(en[2]).toContain(`Page 3 of ${en.length}`);
      for (const title of [
        'About the platform',
        'How to read this report',
        'Overall diagnosis',
        'Good practices',
        'Results by indicator group',
        'Chosen priorities',
        'Progress across editions',
        'What is missing',
        'What already exists',
      ]) {
        expect(enText).toContain(title);
      }
      for (const title of englishTitles) expect(enText).toContain(title);
    });

    it('labels items, answers, levels and recommendations in English', () => {
      expect(enText).toContain(flat(interpretersLabel.en));
      expect(enText).not.toContain(flat(interpretersLabel['pt-BR']));
      expect(enText).toContain('Answer: No');
      expect(enText).toContain('Developing');
      expect(enText).toContain(flat(healthRecommendations.interpreters.en));
      expect(enText).toContain('The government answered “Yes”; the review rated it “Partly”.');
      expect(enText).toContain('Validated evidence: portaria-123-2023-coordenacao-migrantes.pdf');
      expect(enText).toContain('Progress on the priorities of the 2024 edition');
      expect(enText).toContain('In progress');
    });

    it('writes dates and numbers the English way', () => {
      expect(en[2]).toMatch(/Information submitted by the government on\s*\d{1,2} [A-Z][a-z]{2} 2\d{3}/);
      expect(en[2]).toMatch(/Estimated population \(IBGE\)\s*not informed/);
      expect(enText).toContain(
        `São Paulo (SP) obtained a MigraCidades Index of ${enScore(currentIndex)} in the 2025 edition`,
      );
      expect(enText).toMatch(new RegExp(`MigraCidades Index\\s*${enScore(earlierIndex)}\\s*${enScore(currentIndex)}`));
      expect(enText).toContain('v1 in 2024, v2 in 2025');
      // Scores carry a decimal point: none of the pt-BR "72,5" form is left (data have no such numbers).
      expect(enText).not.toMatch(/\b\d{1,3},\d\b/);
    });

    it('leaves no Portuguese of the report\u2019s own outside proper names and the government\u2019s data', () => {
      const data = [
        'Relatório de Diagnóstico',
        'As capacitações alcançaram só as UBS do centro, não toda a rede.',
        'Ação prevista na revisão do PPA.',
        'Descrição da prática com público atendido, parceiros e resultados alcançados.',
      ];
      const plain = data.reduce((text, d) => text.replaceAll(d, ' '), enText);
      const found = [
        'Sumário',
        'Diagnóstico geral',
        'Prioridades',
        'Recomendação',
        'não',
        'Resposta',
        'Índice',
        'edição',
      ].filter((word) => new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'iu').test(plain));
      expect(found).toEqual([]);
    });
  });
});
