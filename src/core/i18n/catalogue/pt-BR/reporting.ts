/** Mensagens e textos do Relatório de Diagnóstico. */
export const reporting = {
  'reporting.not-ready':
    'O Relatório de Diagnóstico fica disponível depois que a revisão aprova o diagnóstico; esta avaliação está «{state}».',

  // O documento: título, cabeçalho e rodapé das páginas.
  'reporting.document.title': 'Relatório de Diagnóstico MigraCidades {year} — {place}',
  'reporting.document.footer': 'Relatório de Diagnóstico MigraCidades {year} · {place}',
  'reporting.document.header': 'Relatório de Diagnóstico',
  'reporting.document.page': 'Página {page} de {pages}',

  // Capa.
  'reporting.cover.brand-iom': 'OIM Brasil · ONU Migração',
  'reporting.cover.brand-university': 'Universidade Federal do Rio Grande do Sul',
  'reporting.cover.kicker': 'MigraCidades · Edição {year}',
  'reporting.cover.title': 'Relatório de Diagnóstico',
  'reporting.cover.subtitle': 'Governança migratória local',
  'reporting.cover.place': '{kind} · {state} ({uf}) · Região {region}',
  'reporting.cover.dates': 'Diagnóstico aprovado em {approved} · Relatório gerado em {generated}',
  'reporting.cover.partners':
    'Organização Internacional para as Migrações (OIM) · Universidade Federal do Rio Grande do Sul (UFRGS) · com a Escola Nacional de Administração Pública (ENAP)',
  'reporting.index.name': 'Índice MigraCidades',
  'reporting.index.label': 'Índice MigraCidades {year}',

  // Sumário e seções.
  'reporting.toc.title': 'Sumário',
  'reporting.section.general': 'Informações gerais',
  'reporting.section.platform': 'Sobre a plataforma',
  'reporting.section.how-to-read': 'Como ler este relatório',
  'reporting.section.overview': 'Diagnóstico geral',
  'reporting.section.good-practices': 'Boas práticas',
  'reporting.section.groups': 'Resultados por grupo de indicadores',
  'reporting.section.priorities': 'Prioridades escolhidas',
  'reporting.section.progress': 'Evolução entre edições',

  // Informações gerais.
  'reporting.info.government': 'Governo',
  'reporting.info.kind': 'Tipo',
  'reporting.info.state': 'Estado',
  'reporting.info.region': 'Região',
  'reporting.info.ibge-code': 'Código IBGE',
  'reporting.info.population': 'População estimada (IBGE)',
  'reporting.info.migrants': 'Migrantes internacionais registrados (SISMIGRA)',
  'reporting.info.submitted': 'Informações enviadas pelo governo em',
  'reporting.info.approved': 'Diagnóstico aprovado pela revisão em',
  'reporting.info.people': 'Pessoas de referência na edição {year}',
  'reporting.info.role': 'Função',
  'reporting.info.name': 'Nome',
  'reporting.info.department': 'Órgão / secretaria',
  'reporting.info.contact': 'Contato',
  'reporting.info.migrant-service': 'Serviço local de atendimento a migrantes',
  'reporting.info.phone': 'Telefone',
  'reporting.info.email': 'E-mail',
  'reporting.info.address': 'Endereço',
  'reporting.info.not-informed': 'não informado',
  'reporting.info.population-value': '{count} habitantes (IBGE, {year})',
  'reporting.info.population-value-no-year': '{count} habitantes (IBGE)',
  'reporting.role.focal': 'Ponto focal',
  'reporting.role.substitute': 'Suplente',
  'reporting.kind.municipality': 'Município',
  'reporting.kind.state': 'Estado',
  'reporting.kind.federal-district': 'Distrito Federal',
  'reporting.region.north': 'Norte',
  'reporting.region.northeast': 'Nordeste',
  'reporting.region.central-west': 'Centro-Oeste',
  'reporting.region.southeast': 'Sudeste',
  'reporting.region.south': 'Sul',

  // Sobre a plataforma.
  'reporting.about.intro':
    'O {platform} é a plataforma da Organização Internacional para as Migrações (OIM) no Brasil para o aprimoramento da governança migratória local. Foi construída a partir dos Indicadores de Governança Migratória (MGI) da OIM e adaptada à realidade brasileira com a Escola Nacional de Administração Pública (ENAP). O Selo MigraCidades é emitido em parceria com a Universidade Federal do Rio Grande do Sul (UFRGS), cuja equipe valida as informações apresentadas pelos governos.',
  'reporting.about.editions':
    'Municípios, estados e o Distrito Federal participam a cada ano. Uma edição tem cinco etapas:',
  'reporting.about.step.enrolment': 'Inscrição',
  'reporting.about.step.enrolment-text':
    'carta de intenção assinada pela chefia do governo e indicação do ponto focal, que faz o curso da ENAP sobre governança migratória local.',
  'reporting.about.step.diagnosis': 'Diagnóstico',
  'reporting.about.step.diagnosis-text':
    'o governo responde ao questionário dos grupos de indicadores, com evidências (normas, páginas, documentos); a OIM e a UFRGS validam item por item.',
  'reporting.about.step.prioritisation': 'Priorização',
  'reporting.about.step.prioritisation-text':
    'a partir das lacunas reveladas, o governo escolhe as prioridades que se compromete a melhorar.',
  'reporting.about.step.certification': 'Certificação',
  'reporting.about.step.certification-text':
    'quem conclui todas as etapas recebe o Selo MigraCidades e este Relatório de Diagnóstico.',
  'reporting.about.step.monitoring': 'Monitoramento',
  'reporting.about.step.monitoring-text':
    'na edição seguinte, o governo relata o andamento das prioridades escolhidas.',
  'reporting.about.engagement':
    'O Selo reconhece o engajamento do governo em todas as etapas. A pontuação não é uma nota de aprovação: é um retrato da governança migratória local que permite acompanhar a evolução de uma edição para outra.',
  'reporting.about.groups': 'Os grupos de indicadores',
  'reporting.dimension.governance': 'Instituições e governança',
  'reporting.dimension.rights-and-services': 'Acesso a direitos e serviços',

  // Cabeçalhos de tabelas.
  'reporting.table.number': 'Nº',
  'reporting.table.group': 'Grupo',
  'reporting.table.dimension': 'Dimensão',
  'reporting.table.level': 'Nível',
  'reporting.table.score': 'Pontuação',
  'reporting.table.item': 'Item',
  'reporting.table.commitment': 'Compromisso',
  'reporting.table.item-commitment': 'Item e compromisso',
  'reporting.table.reported-progress': 'Andamento relatado',

  // Como ler este relatório.
  'reporting.how.scoring': 'Da resposta à pontuação',
  'reporting.how.answers':
    'A maior parte dos itens é respondida com {yes}, {partial} ou {no}, que valem 100, 50 e 0 pontos. Em itens de escolha, cada opção tem seus pontos; em itens numéricos, a pontuação segue faixas de valores.',
  'reporting.how.not-applicable':
    '{notApplicable} retira o item do cálculo. Itens informativos (anos, observações, documentos) não são pontuados e aparecem como informações complementares.',
  'reporting.how.evidence':
    'Uma resposta positiva que exige comprovação só conta depois que a revisão aceita a evidência. Quando a revisão ajusta uma resposta, vale a avaliação da revisão.',
  'reporting.how.group-score':
    'A {groupScore} é a média ponderada dos seus itens, de 0 a 100. O {index} é a média simples das pontuações dos grupos.',
  'reporting.how.group-score-term': 'pontuação de cada grupo',
  'reporting.how.versions':
    'Cada pontuação registra a versão do questionário com que foi calculada. Quando um questionário muda de versão, as pontuações continuam na escala de 0 a 100 e podem ser comparadas entre edições.',
  'reporting.how.levels': 'Níveis de maturidade',
  'reporting.how.chapters': 'Os capítulos por grupo',
  'reporting.how.chapters-intro':
    'Cada grupo de indicadores tem um capítulo com a pontuação e o nível do grupo e seus itens separados em:',
  'reporting.how.legend.met': 'itens plenamente atendidos (100 pontos).',
  'reporting.how.legend.partial': 'itens parcialmente atendidos, com recomendações.',
  'reporting.how.legend.missing': 'itens não atendidos, com recomendações.',
  'reporting.how.legend.not-applicable': 'itens fora do cálculo para este governo.',
  'reporting.how.recommendations':
    'As recomendações são sugestões de caminhos, elaboradas para cada grupo de indicadores; cabe ao governo adaptá-las à sua realidade. O relatório termina com as prioridades escolhidas pelo governo e com a evolução das pontuações nas edições de que participou.',
  'reporting.level.range': '{from} a menos de {to}',
  'reporting.level.range-last': '{from} a 100',
  'reporting.level.no-score': 'sem pontuação',
  'reporting.level.no-index': 'sem índice',
  'reporting.level-meaning.initial':
    'as ações de governança migratória ainda estão começando e há muitos pontos a construir',
  'reporting.level-meaning.developing':
    'já existem ações, mas em boa parte ainda pontuais ou pouco institucionalizadas',
  'reporting.level-meaning.consolidated':
    'há estruturas, normas e serviços estabelecidos na maior parte dos temas avaliados',
  'reporting.level-meaning.reference':
    'o governo reúne práticas sólidas e pode servir de referência para outros governos',

  // Diagnóstico geral.
  'reporting.overview.scores': 'Pontuação por grupo de indicadores',
  'reporting.summary.no-index': '{place} não tem Índice MigraCidades nesta edição: {explanation}',
  'reporting.summary.index':
    '{place} obteve o Índice MigraCidades de {index} na edição {year}, no nível de maturidade {level}: {meaning}.',
  'reporting.summary.items': 'Dos {scored}, {met}, {partial} e {missing}',
  'reporting.summary.scored.one': '{count} item pontuado',
  'reporting.summary.scored.other': '{count} itens pontuados',
  'reporting.summary.met.one': '{count} está plenamente atendido',
  'reporting.summary.met.other': '{count} estão plenamente atendidos',
  'reporting.summary.not-applicable.one': '{count} não se aplica a este governo',
  'reporting.summary.not-applicable.other': '{count} não se aplicam a este governo',
  'reporting.count.met.one': '{count} atendido',
  'reporting.count.met.other': '{count} atendidos',
  'reporting.count.partial.one': '{count} parcialmente atendido',
  'reporting.count.partial.other': '{count} parcialmente atendidos',
  'reporting.count.missing.one': '{count} não atendido',
  'reporting.count.missing.other': '{count} não atendidos',
  'reporting.count.not-applicable.one': '{count} não se aplica',
  'reporting.count.not-applicable.other': '{count} não se aplicam',
  'reporting.strengths.none': 'Nenhum grupo teve itens pontuáveis nesta edição.',
  'reporting.strengths.all-equal': 'Todos os grupos avaliados têm a mesma pontuação ({score}).',
  'reporting.strengths.strongest.one': 'O grupo com melhor resultado é {names}.',
  'reporting.strengths.strongest.other': 'Os grupos com melhor resultado são {names}.',
  'reporting.strengths.weakest.one': 'O grupo que mais precisa de atenção é {names}.',
  'reporting.strengths.weakest.other': 'Os grupos que mais precisam de atenção são {names}.',
  'reporting.strengths.name': '«{title}» ({score})',
  'reporting.strengths.more.one': '{names} e mais {count} grupo',
  'reporting.strengths.more.other': '{names} e mais {count} grupos',
  'reporting.list.last': '{first} e {last}',
  'reporting.chart.index': 'Índice {index}',

  // Boas práticas.
  'reporting.practices.lead':
    'Práticas registradas por {place} e aprovadas pela revisão da OIM e da UFRGS. Elas também integram o banco público de boas práticas do MigraCidades.',
  'reporting.practices.since': 'Desde {year}',
  'reporting.practices.none': 'Nenhuma boa prática de {place} foi aprovada pela revisão nesta edição.',

  // Capítulos por grupo.
  'reporting.chapter.eyebrow': 'Grupo {number} · {dimension}',
  'reporting.chapter.heading': 'Grupo {number} — {title}',
  'reporting.chapter.version': 'Questionário v{version}',
  'reporting.chapter.met': 'O que já existe',
  'reporting.chapter.partial': 'O que existe em parte',
  'reporting.chapter.missing': 'O que falta',
  'reporting.chapter.not-applicable': 'Não se aplica',
  'reporting.chapter.complementary': 'Informações complementares',
  'reporting.chapter.practices': 'Boas práticas reconhecidas neste grupo:',
  'reporting.chapter.practices-see': '(ver a seção Boas práticas).',
  'reporting.chapter.priorities': 'Prioridades escolhidas neste grupo',
  'reporting.item.answer': 'Resposta:',
  'reporting.item.points': '{points} de 100 pontos',
  'reporting.item.adjustment': 'Ajuste da revisão',
  'reporting.item.adjustment-text':
    'O governo respondeu «{official}»; a revisão considerou «{reviewer}». Justificativa: {note}',
  'reporting.item.evidence': 'Evidência validada:',
  'reporting.item.recommendation': 'Recomendação',
  'reporting.answer.yes': 'Sim',
  'reporting.answer.partial': 'Parcial',
  'reporting.answer.no': 'Não',
  'reporting.answer.not-applicable': 'Não se aplica',
  'reporting.answer.none': 'Sem resposta',
  'reporting.answer.no-option': 'Nenhuma das opções',
  'reporting.answer.uploaded': 'Documento enviado à plataforma',
  'reporting.zero.missing-evidence':
    'A resposta é positiva, mas nenhuma evidência foi apresentada: o item conta como 0 até ser comprovado.',
  'reporting.zero.pending-evidence':
    'A resposta é positiva, mas a evidência não foi aceita na revisão: o item conta como 0 até ser comprovado.',
  'reporting.zero.unanswered': 'Item não respondido: conta como 0.',

  // Prioridades.
  'reporting.priorities.lead':
    'Depois da aprovação do diagnóstico, {place} escolheu as prioridades que se compromete a melhorar até a próxima edição, entre os itens ainda não plenamente atendidos.',
  'reporting.priorities.none': 'Nenhuma prioridade foi registrada.',
  'reporting.priorities.previous': 'Andamento das prioridades da edição {year}',
  'reporting.progress-status.achieved': 'Alcançada',
  'reporting.progress-status.in-progress': 'Em andamento',
  'reporting.progress-status.not-started': 'Não iniciada',
  'reporting.progress-status.not-reported': 'Andamento não relatado',

  // Evolução entre edições.
  'reporting.progress.first':
    'Esta é a primeira edição com diagnóstico aprovado de {place} no MigraCidades. A evolução aparecerá nos relatórios das próximas edições.',
  'reporting.progress.since':
    '{place} participa do MigraCidades desde {year}. A tabela mostra o índice e as pontuações de cada grupo em cada edição com diagnóstico aprovado.',
  'reporting.progress.rose':
    '{place} participa do MigraCidades desde {year}. Em relação à edição {previous}, o índice subiu {change} pontos, de {before} para {after}.',
  'reporting.progress.fell':
    '{place} participa do MigraCidades desde {year}. Em relação à edição {previous}, o índice caiu {change} pontos, de {before} para {after}.',
  'reporting.progress.same':
    '{place} participa do MigraCidades desde {year}. Em relação à edição {previous}, o índice manteve-se em {after}.',
  'reporting.progress.version-in': 'v{version} em {year}',
  'reporting.progress.version-note':
    'O questionário deste grupo mudou de versão ({versions}); as pontuações seguem na escala de 0 a 100 e podem ser comparadas.',
  'reporting.progress.by-edition': 'Índice MigraCidades por edição',
  'reporting.progress.change': 'Variação',
  'reporting.progress.note': 'Variação: diferença entre as duas últimas edições. "—": sem pontuação naquela edição.',
  'reporting.progress.groups-chart': 'Pontuação dos grupos por edição',
  'reporting.chart.legend': 'Legenda do gráfico',
  'reporting.chart.index-line': 'Índice MigraCidades {year} (linha tracejada)',
  'reporting.chart.trend-line': 'Índice MigraCidades em cada edição',
} as const;
