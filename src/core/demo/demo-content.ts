import { createHash } from 'node:crypto';
import type { AnswerSet, AnswerValue, Questionnaire, QuestionnaireItem } from '../questionnaire/questionnaire.types';
import { visibleItemKeys } from '../questionnaire/visibility';
import type { DemoGovernment } from './demo-cast';

/** Deterministic pseudo-random number in [0, 1) for a label: the same demo every time. */
export function chance(label: string): number {
  return createHash('sha256').update(label).digest().readUInt32BE(0) / 2 ** 32;
}

/** Where on a government's portal the evidence of an item is published (`{year}`: the edition's year). */
const EVIDENCE_PATHS: Readonly<Record<string, string>> = {
  'focal-body': '/transparencia/atos-oficiais/designacao-coordenacao-de-politicas-para-migrantes',
  'focal-body-act': '/transparencia/atos-oficiais/designacao-coordenacao-de-politicas-para-migrantes',
  'local-policy': '/legislacao/politica-para-a-populacao-migrante',
  'budget-line': '/transparencia/orcamento/loa-{year}/acoes-para-migrantes-e-refugiados',
  'staff-guidance': '/migrantes/orientacoes-aos-servidores-documentos-de-migrantes.pdf',
  'migrant-consultation': '/participacao/audiencia-publica-comunidades-migrantes-{year}',
  'participatory-body': '/participacao/conselho-de-imigrantes',
  'multilingual-information': '/migrantes/informacoes-em-outros-idiomas',
  'services-guide': '/migrantes/guia-de-servicos-para-migrantes-{year}.pdf',
  'web-page': '/migrantes',
  'reference-centre': '/migrantes/centro-de-referencia',
  'federal-agreements': '/transparencia/convenios/termo-de-adesao-estrategia-de-interiorizacao',
  'civil-society': '/transparencia/parcerias-osc/termos-de-colaboracao-migrantes-{year}',
  'international-organisations': '/noticias/acordo-de-cooperacao-tecnica-com-oim-e-acnur',
  'sus-registration': '/saude/nota-tecnica-cartao-nacional-de-saude-para-migrantes.pdf',
  'enrolment-without-documents': '/educacao/resolucao-matricula-de-estudantes-migrantes.pdf',
  'cadunico-registration': '/assistencia-social/cadastro-unico-atendimento-a-migrantes',
  'eventual-benefits': '/assistencia-social/regulamentacao-dos-beneficios-eventuais.pdf',
  'creas-referral': '/assistencia-social/fluxo-creas-paefi-migrantes.pdf',
  'paefi-follow-up': '/assistencia-social/fluxo-cras-creas-paefi-migrantes.pdf',
  'unaccompanied-children': '/assistencia-social/fluxo-criancas-e-adolescentes-desacompanhados.pdf',
  'trafficking-referral': '/assistencia-social/fluxo-enfrentamento-ao-trafico-de-pessoas.pdf',
  'shelter-places': '/assistencia-social/acolhimento-institucional-vagas-{year}',
  'sine-protocol': '/trabalho/sine-protocolo-de-atendimento-a-migrantes.pdf',
  'employer-partnerships': '/trabalho/parcerias-para-contratacao-de-migrantes-{year}',
  'network-open': '/mulheres/rede-de-atendimento-a-mulheres-migrantes',
  'victim-protocol': '/mulheres/protocolo-atendimento-migrantes-violencia-de-genero.pdf',
  'awareness-campaigns': '/mulheres/campanha-{year}-em-outros-idiomas',
  'rights-campaigns': '/direitos-humanos/campanhas-{year}-em-outros-idiomas',
  'lgbtiq-protocol': '/direitos-humanos/fluxo-atendimento-migrantes-lgbtiq.pdf',
  'racial-equality-actions': '/igualdade-racial/plano-de-enfrentamento-ao-racismo-e-a-xenofobia',
  // Items whose evidence is optional, when the government gives some.
  'intersectoral-committee': '/transparencia/atos-oficiais/comite-intersetorial-de-politicas-para-migrantes',
  'migrant-data': '/migrantes/painel-de-dados-da-populacao-migrante',
  'migration-law-available': '/migrantes/lei-de-migracao-orientacoes-as-secretarias',
  'continuing-training': '/escola-de-governo/plano-anual-de-formacao-{year}',
  'awareness-actions': '/direitos-humanos/campanha-contra-a-xenofobia-{year}',
  'migration-profile-shared': '/migrantes/perfil-dos-fluxos-migratorios-{year}.pdf',
  'cultural-support': '/cultura/agenda-cultural-das-comunidades-migrantes-{year}',
  'portuguese-adults': '/educacao/portugues-para-migrantes-turmas-{year}',
  'portuguese-children': '/educacao/portugues-como-lingua-de-acolhimento',
  universities: '/noticias/acordo-de-cooperacao-com-universidades-sobre-migracao',
  'local-network': '/migrantes/rede-de-atendimento-a-migrantes-atas-{year}',
  'work-documents': '/trabalho/mutirao-de-documentos-para-migrantes-{year}',
  'vocational-training': '/trabalho/qualificacao-profissional-para-migrantes-{year}',
  'staff-training': '/saude/capacitacao-atencao-primaria-migrantes-{year}',
  'suas-staff-training': '/assistencia-social/capacitacao-suas-migrantes-{year}',
};

/** The link a government gives as evidence for an item in an edition. */
export function evidenceLink(gov: DemoGovernment, itemKey: string, year: number): string {
  const own = gov.links[itemKey];
  if (own) return own;
  const path = EVIDENCE_PATHS[itemKey] ?? '/transparencia/acoes-para-migrantes-{year}';
  return `${gov.site}${path.replace('{year}', String(year))}`;
}

/** Items whose evidence the demo uploads as a file (an attendance list), with the file's name. */
export const UPLOADED_EVIDENCE: Readonly<Record<string, (year: number) => string>> = {
  'thematic-trainings': (year) => `lista-de-presenca-capacitacao-atendimento-a-migrantes-${year}.pdf`,
};

/**
 * What a government commits to do on an item it chose as a priority, keyed `group/item` or `item`;
 * `{Esfera}` becomes "Municipal" or "Estadual".
 */
const COMMITMENTS: Readonly<Record<string, string>> = {
  'focal-body':
    'Designar por decreto a coordenação de políticas para migrantes, com equipe própria e atribuições definidas.',
  'local-policy':
    'Enviar ao Legislativo o projeto de lei da Política {Esfera} para a População Migrante, construído em consulta pública.',
  'intersectoral-committee':
    'Criar o Comitê {Esfera} de Políticas para Migrantes com assento para associações de migrantes, com reuniões trimestrais.',
  'budget-line': 'Incluir na próxima lei orçamentária uma ação específica para o atendimento a migrantes e refugiados.',
  'migrant-data':
    'Incluir o campo nacionalidade nos cadastros de atendimento e publicar um painel anual com dados do SISMIGRA e do CadÚnico.',
  'staff-guidance':
    'Distribuir às unidades de atendimento um guia sobre os documentos dos migrantes (CRNM, protocolo de refúgio) e os direitos a que dão acesso.',
  'migration-law-available':
    'Divulgar a Lei de Migração (Lei 13.445/2017) e seu regulamento a todas as secretarias, com uma oficina de apresentação.',
  'thematic-trainings':
    'Realizar capacitações anuais sobre o atendimento a migrantes para as equipes de saúde, educação, assistência social e trabalho, em parceria com a OIM e a ENAP.',
  'continuing-training': 'Incluir o tema migratório no plano anual de formação dos servidores da escola de governo.',
  'awareness-actions': 'Promover uma campanha interna de sensibilização dos servidores contra a xenofobia e o racismo.',
  'migration-profile-shared':
    'Elaborar e compartilhar com as secretarias o perfil dos fluxos migratórios locais, atualizado a cada ano.',
  'migrant-consultation':
    'Realizar audiências públicas com as comunidades migrantes antes de revisar o plano de políticas para migrantes.',
  'participatory-body':
    'Criar o Conselho {Esfera} de Imigrantes, com metade das vagas para representantes eleitos das comunidades migrantes.',
  'councils-open':
    'Garantir a participação de migrantes nos conselhos de políticas públicas e no orçamento participativo, sem exigir título de eleitor.',
  'cultural-support':
    'Incluir as festas e manifestações culturais das comunidades migrantes no calendário oficial de eventos.',
  'associations-support':
    'Apoiar a formalização de associações de migrantes, com orientação jurídica e cessão de espaço para reuniões.',
  'multilingual-information':
    'Traduzir para espanhol, inglês, francês e crioulo haitiano as informações sobre os serviços de saúde, educação e assistência social.',
  'services-guide': 'Publicar o guia de serviços em espanhol, inglês, francês e crioulo haitiano.',
  'web-page':
    'Criar no portal oficial uma página para migrantes, com serviços, endereços e contatos em várias línguas.',
  'transparency/interpreters': 'Contratar mediadores culturais para os serviços com mais atendimentos a migrantes.',
  'reference-centre':
    'Abrir um centro de referência e atendimento para migrantes, com atendimento em espanhol, francês e crioulo haitiano.',
  'accessible-channels':
    'Adaptar a ouvidoria e o serviço de informação ao cidadão para receber pedidos de migrantes com qualquer documento e em outras línguas.',
  'federal-agreements':
    'Aderir à Estratégia Federal de Interiorização e formalizar o termo de adesão com o governo federal.',
  'civil-society': 'Firmar termos de colaboração com as organizações da sociedade civil que atendem migrantes.',
  universities: 'Firmar acordo de cooperação com a universidade federal para pesquisa e extensão sobre migração.',
  'international-organisations': 'Formalizar acordo de cooperação técnica com a OIM e o ACNUR.',
  'private-sector':
    'Firmar parcerias com associações comerciais e o Sistema S para a qualificação e a contratação de migrantes.',
  'other-governments':
    'Participar das reuniões regionais de governos que recebem migrantes para trocar práticas de acolhimento.',
  'local-network':
    'Reunir a cada dois meses a rede local de atendimento a migrantes, com governo, sociedade civil e organismos internacionais.',
  'sus-registration':
    'Publicar nota técnica que garante o Cartão Nacional de Saúde a migrantes sem documentação completa.',
  'staff-training': 'Capacitar as equipes da atenção primária para o atendimento a migrantes e refugiados.',
  'service-records':
    'Registrar a nacionalidade nos sistemas da atenção primária e analisar esses dados a cada semestre.',
  'health/interpreters':
    'Oferecer atendimento com intérprete por telefone nas unidades de saúde com mais pacientes migrantes.',
  outreach: 'Realizar mutirões de vacinação e de atenção primária nos bairros e abrigos com mais migrantes.',
  'community-outreach':
    'Cadastrar as famílias migrantes do território nas equipes de Saúde da Família, com busca ativa pelos agentes comunitários.',
  'emulti-support': 'Incluir o cuidado da população migrante no planejamento das equipes eMulti.',
  'vaccination-outreach': 'Levar a vacinação às comunidades migrantes e atualizar as cadernetas sem exigir documentos.',
  'mental-health':
    'Organizar o acolhimento de migrantes nos CAPS, com intérpretes e atenção à experiência de deslocamento.',
  'sexual-reproductive-health':
    'Garantir pré-natal e testagem de IST e HIV a migrantes sem exigência de documentos, com materiais em outras línguas.',
  'enrolment-without-documents':
    'Publicar resolução que garante a matrícula de estudantes migrantes sem documentos nem histórico escolar.',
  'grade-placement': 'Adotar avaliação de classificação para estudantes migrantes sem histórico escolar.',
  'portuguese-children': 'Oferecer aulas de português como língua de acolhimento nas escolas com estudantes migrantes.',
  'portuguese-adults':
    'Abrir turmas gratuitas de português para migrantes jovens e adultos na educação de jovens e adultos.',
  'intercultural-reception':
    'Criar um protocolo de acolhimento intercultural para estudantes migrantes e suas famílias.',
  'diploma-recognition':
    'Orientar migrantes sobre a revalidação de diplomas, em parceria com as universidades públicas.',
  'student-data': 'Registrar a nacionalidade dos estudantes no censo escolar da rede e acompanhar sua frequência.',
  'cadunico-registration':
    'Orientar as equipes do Cadastro Único a inscrever migrantes com qualquer documento de identificação.',
  'federal-benefits': 'Orientar nos CRAS as famílias migrantes sobre o Bolsa Família e o BPC.',
  'federal-benefits-access':
    'Acompanhar nos CRAS os pedidos de Bolsa Família e BPC de famílias migrantes até a decisão.',
  'eventual-benefits':
    'Alterar a regulamentação dos benefícios eventuais para garantir o acesso de migrantes em igualdade com os nacionais.',
  'paif-follow-up': 'Incluir famílias migrantes no acompanhamento do PAIF e nos grupos do Serviço de Convivência.',
  'creas-referral': 'Pactuar com os CREAS um fluxo de encaminhamento de migrantes em situação de violação de direitos.',
  'paefi-follow-up':
    'Pactuar entre CRAS e CREAS o fluxo de referência e contrarreferência para migrantes acompanhados pelo PAEFI.',
  'child-protection-network':
    'Incluir crianças e adolescentes migrantes no fluxo da rede de proteção, com os Conselhos Tutelares.',
  'unaccompanied-children':
    'Adotar o fluxo da Resolução Conjunta nº 1/2017 para crianças e adolescentes migrantes desacompanhados ou separados.',
  'trafficking-referral':
    'Pactuar com o núcleo de enfrentamento ao tráfico de pessoas um fluxo para migrantes vítimas de tráfico e de trabalho escravo.',
  'shelter-places': 'Reservar vagas para migrantes e refugiados no acolhimento institucional.',
  'suas-staff-training': 'Capacitar as equipes do SUAS no atendimento a migrantes e refugiados.',
  'work-documents': 'Oferecer mutirões de emissão de CPF e da Carteira de Trabalho Digital para migrantes.',
  'sine-protocol':
    'Adotar no SINE um protocolo de atendimento a migrantes, com materiais em espanhol, francês e crioulo haitiano.',
  'vocational-training':
    'Reservar vagas para migrantes nos cursos de qualificação profissional, com português para o trabalho.',
  entrepreneurship: 'Orientar migrantes empreendedores sobre a formalização como MEI, em parceria com o Sebrae.',
  'women-employment': 'Criar ações de empregabilidade para mulheres migrantes, com vagas em creche para os filhos.',
  'employer-partnerships': 'Firmar parcerias com empregadores para a contratação de migrantes interiorizados.',
  'labour-rights':
    'Distribuir em outras línguas informações sobre direitos trabalhistas e canais de denúncia de exploração.',
  'network-open':
    'Garantir por norma o atendimento de mulheres migrantes na rede de enfrentamento à violência, independentemente de documentos.',
  'network-interpreters': 'Oferecer intérpretes aos serviços da rede de atendimento à mulher.',
  'victim-protocol': 'Adotar um protocolo de atendimento a migrantes vítimas de violência de gênero.',
  'awareness-campaigns': 'Produzir a campanha contra a violência de gênero em espanhol, francês e crioulo haitiano.',
  'network-training': 'Capacitar a rede de atendimento à mulher para o atendimento a mulheres migrantes.',
  shelter: 'Garantir vagas para mulheres migrantes e seus filhos na casa-abrigo.',
  'nationality-records': 'Registrar a nacionalidade das mulheres atendidas nos serviços da rede.',
  'lgbtiq-access': 'Garantir o uso do nome social de migrantes LGBTIQ+ nos serviços de proteção.',
  'lgbtiq-protocol': 'Adotar um fluxo de atendimento a migrantes LGBTIQ+ vítimas de violência ou discriminação.',
  'racial-equality-actions':
    'Incluir a população migrante no plano de promoção da igualdade racial e de enfrentamento à xenofobia.',
  'rights-campaigns':
    'Produzir campanhas contra a violência de gênero, a LGBTIfobia, o racismo e a xenofobia em espanhol, francês e crioulo haitiano.',
  'protection-training':
    'Capacitar os serviços de proteção para o atendimento a migrantes com enfoque de gênero, LGBTIQ+ e igualdade racial.',
  'disaggregated-records':
    'Registrar de forma segura gênero, raça/cor, orientação sexual e nacionalidade nos serviços de acolhimento.',
};

/** The commitment for a priority, or undefined when the demo has none written for the item. */
export function commitmentFor(gov: DemoGovernment, group: string, itemKey: string): string | undefined {
  const text = COMMITMENTS[`${group}/${itemKey}`] ?? COMMITMENTS[itemKey];
  return text?.replace('{Esfera}', gov.kind === 'state' ? 'Estadual' : 'Municipal');
}

/** How a priority of the previous edition went, as the focal person tells it. */
export function progressNote(achieved: boolean): string {
  return achieved
    ? 'Concluído no último ano; o documento que comprova a ação está anexado ao item no diagnóstico desta edição.'
    : 'Em andamento: a proposta foi elaborada com as secretarias envolvidas e aguarda publicação.';
}

/** The reviewer's justification when she rates a "yes" as "partial". */
export const ADJUST_NOTES: readonly string[] = [
  'A evidência comprova a ação em parte da rede: conta como parcial até que alcance todas as unidades.',
  'O documento enviado é uma minuta, ainda não publicada no diário oficial: conta como parcial.',
  'A ação comprovada ocorreu há mais de 12 meses; para "sim" é preciso uma ação no último ano.',
];

/** A value the government gives to an item; evidence when the item asks for it or the government has it. */
export interface DemoAnswer {
  readonly value: AnswerValue;
  readonly link?: string;
}

const POSITIVE = (v: AnswerValue) => v !== 'no' && v !== 'not-applicable';

/** A yearly figure grows as the government's work does: 60% of the latest in 2020, all of it from 2025. */
function figure(gov: DemoGovernment, item: QuestionnaireItem, year: number, maturity: number): number {
  const latest = gov.figures[item.key] ?? Math.round(20 * maturity);
  const value = Math.round(latest * (0.6 + 0.4 * Math.min(1, (year - 2020) / 5)));
  return Math.min(item.max ?? value, Math.max(item.min ?? 0, value));
}

/** A first answer to an item, whose chance of being good grows with the government's maturity. */
function freshAnswer(
  gov: DemoGovernment,
  item: QuestionnaireItem,
  year: number,
  maturity: number,
  label: string,
): AnswerValue | undefined {
  const fact = gov.facts[item.key];
  if (fact !== undefined) return fact;
  const r = chance(label);
  switch (item.type) {
    case 'yes-partial-no':
      return r < maturity ? 'yes' : r < maturity + 0.25 ? 'partial' : 'no';
    case 'single-choice': {
      const sorted = [...item.options!].sort((a, b) => b.points - a.points);
      return sorted[Math.min(sorted.length - 1, Math.floor((1 - maturity) * r * sorted.length * 1.5))].key;
    }
    case 'multiple-choice': {
      const chosen = item.options!.filter((_o, i) => chance(`${label}/${i}`) < maturity).map((o) => o.key);
      return chosen.length > 0 ? chosen : [item.options![0].key];
    }
    case 'number':
      return figure(gov, item, year, maturity);
    case 'evidence':
      return { url: evidenceLink(gov, item.key, year) };
    case 'text':
      return undefined;
  }
}

/**
 * The answers a government gives to one group in an edition. A renewing government keeps what it carried,
 * has moved up one step on the items it prioritised (no → partial → yes), and updates its yearly figures;
 * items new to it are answered afresh. Hidden items are left out.
 */
export function composeAnswers(
  gov: DemoGovernment,
  questionnaire: Questionnaire,
  year: number,
  maturity: number,
  carried: AnswerSet,
  prioritised: ReadonlySet<string>,
): Map<string, DemoAnswer> {
  const values: Record<string, AnswerValue> = {};
  for (const item of questionnaire.items) {
    if (!visibleItemKeys(questionnaire, values).has(item.key)) continue;
    const label = `${gov.code}/${year}/${questionnaire.group}/${item.key}`;
    const before = carried[item.key];
    let value: AnswerValue | undefined;
    if (item.type === 'number') value = gov.facts[item.key] ?? figure(gov, item, year, maturity);
    else if (before === undefined) value = freshAnswer(gov, item, year, maturity, label);
    else if (prioritised.has(item.key) && item.type === 'yes-partial-no') value = before === 'no' ? 'partial' : 'yes';
    else value = before;
    if (value !== undefined) values[item.key] = value;
  }
  const answers = new Map<string, DemoAnswer>();
  const visible = visibleItemKeys(questionnaire, values);
  for (const item of questionnaire.items) {
    const value = values[item.key];
    if (value === undefined || !visible.has(item.key)) continue;
    const shows =
      item.type !== 'evidence' &&
      POSITIVE(value) &&
      (item.evidence === 'required' ||
        (item.evidence === 'optional' &&
          (item.key in EVIDENCE_PATHS || item.key in gov.links) &&
          chance(`${gov.code}/${year}/${item.key}/evidence`) < 0.5));
    answers.set(item.key, shows ? { value, link: evidenceLink(gov, item.key, year) } : { value });
  }
  return answers;
}
