/** Mensagens: progresso ao longo das edições, comparação com pares, prioridades e seu andamento. */
export const progress = {
  'progress.compare.absent-before': 'Grupo ausente na edição anterior: nada a comparar.',
  'progress.compare.absent-after': 'Grupo ausente na edição seguinte: nada a comparar.',
  'progress.compare.version-unpublished':
    'A versão {version} do questionário de «{group}» não está publicada: nenhum item é comparável.',
  'progress.compare.unrelated-versions':
    'As versões {from} e {to} do questionário não descendem uma da outra: nenhum item é comparável.',
  'progress.compare.item-removed':
    'Item que só existe na versão {from} do questionário (removido na versão {to}): fora da comparação.',
  'progress.compare.item-new':
    'Item novo na versão {to} do questionário (não existia na versão {from}): fora da comparação.',
  'progress.compare.same-questionnaire': 'Mesmo questionário (versão {version}): todos os itens comparados.',
  'progress.compare.shared-items':
    'Questionário da versão {from} para a versão {to}: {compared} itens comparados pelo mapa de chaves ({renamed} renomeados); {removed} removidos e {added} novos ficam fora da comparação. Nos itens comparáveis contados nas duas edições ({counted}): {before} → {after}.',
  'progress.compare.scoring-changed': 'Regras de pontuação diferentes ({from} → {to}).',
  'progress.compare.group-score': 'Nota publicada: {before} → {after}.',
  'progress.compare.group-score-delta': 'Nota publicada: {before} → {after} ({delta}).',
  'progress.compare.index': 'Índice {from}: {before}; {to}: {after}.',
  'progress.compare.index-delta': 'Índice {from}: {before}; {to}: {after} ({delta}).',
  'progress.compare.group-name': '«{name}»',
  'progress.compare.index-scope-changed':
    'O questionário mudou nos grupos {groups}: a variação do índice inclui essa mudança de escopo.',
  'progress.compare.index-same': 'Mesmos questionários nas duas edições.',
  'progress.history.no-counterpart': 'O item não tem correspondente no questionário de {year}: não é comparável.',
  'progress.history.none': 'Nenhuma edição com diagnóstico aprovado.',
  'progress.history.summary':
    'Edições com diagnóstico aprovado: {years}. Cada edição é comparada com a anterior aprovada; itens sem correspondente entre versões do questionário aparecem como não comparáveis.',
  'progress.band.up-to-5k': 'Até 5.000 habitantes',
  'progress.band.5k-10k': 'De 5.001 a 10.000 habitantes',
  'progress.band.10k-20k': 'De 10.001 a 20.000 habitantes',
  'progress.band.20k-50k': 'De 20.001 a 50.000 habitantes',
  'progress.band.50k-100k': 'De 50.001 a 100.000 habitantes',
  'progress.band.100k-500k': 'De 100.001 a 500.000 habitantes',
  'progress.band.over-500k': 'Mais de 500.000 habitantes',
  'progress.region.Norte': 'Norte',
  'progress.region.Nordeste': 'Nordeste',
  'progress.region.Sudeste': 'Sudeste',
  'progress.region.Sul': 'Sul',
  'progress.region.Centro-Oeste': 'Centro-Oeste',
  'progress.peers.state.municipality': 'Municípios de {state}',
  'progress.peers.region.municipality': 'Municípios da região {region}',
  'progress.peers.region.state': 'Estados da região {region}',
  'progress.peers.band': 'Municípios na faixa "{band}"',
  'progress.peers.national.municipality': 'Municípios de todo o Brasil',
  'progress.peers.national.state': 'Estados de todo o Brasil',
  'progress.peers.explanation.municipality':
    'Medianas das avaliações aprovadas (aprovadas, com prioridades definidas ou certificadas) da edição {year}, entre municípios, incluindo o próprio governo quando aprovado.',
  'progress.peers.explanation.state':
    'Medianas das avaliações aprovadas (aprovadas, com prioridades definidas ou certificadas) da edição {year}, entre estados, incluindo o próprio governo quando aprovado.',
  'progress.peers.no-population': 'Sem estimativa de população importada, não há comparação por faixa populacional.',
  'progress.peers.difference': 'A diferença é a nota do governo menos a mediana.',
  'progress.priorities.invalid': 'Prioridades inválidas: {count} problema(s).',
  'progress.priorities.unknown-item': 'não é um item desta avaliação',
  'progress.priorities.not-a-gap': 'só itens não plenamente atendidos podem ser prioridade',
  'progress.priorities.duplicate': 'item repetido',
  'progress.report.only-government': 'Só o governo relata o andamento das suas prioridades.',
  'progress.report.during-diagnosis':
    'O andamento das prioridades é relatado durante o diagnóstico; a avaliação está "{state}".',
  'progress.report.unknown-priority': 'não é uma prioridade da edição anterior deste governo',
  'progress.report.invalid': 'Relato de andamento inválido: {count} problema(s).',
} as const;
