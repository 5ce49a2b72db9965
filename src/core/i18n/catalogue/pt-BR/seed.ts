/** Mensagens: carga dos dados nacionais (linha de comando). */
export const seed = {
  'seed.already-seeded':
    'Os dados nacionais já existem ({count} avaliações geradas); use --reset para apagá-los e gerar de novo, ou --remove para só apagar.',
  'seed.seals-issued':
    'Há {seals} selo(s) e {items} item(ns) de lote emitidos sobre avaliações geradas: os dados nacionais não foram apagados.',
  'seed.referenced': 'Outros registros (por exemplo, boas práticas) referem-se a avaliações geradas; nada foi apagado.',
  'seed.cli.needs-value': '{option} precisa de um valor.',
  'seed.cli.unknown-argument': 'Argumento desconhecido: {arguments}.',
  'seed.cli.positive-count': '{option} deve ser um número inteiro positivo.',
  'seed.cli.usage': 'Uso: {command}',
  'seed.cli.removed':
    'Dados nacionais apagados: {assessments} avaliações, {answers} respostas, {priorities} prioridades; edições removidas: {editions} ({seconds} s).',
  'seed.cli.none': 'nenhuma',
  'seed.cli.done':
    'Pronto em {seconds} s: {assessments} avaliações, {answers} respostas, {priorities} prioridades; {governments} governos × {editions} edições; banco com {size} MB.',
  'seed.cli.kept': '{count} inscrições já existentes (governo e edição) foram mantidas como estavam.',
  'seed.log.start': 'Semente «{seed}»: {governments} governos × {editions} edições ({years}).',
  'seed.log.editions-created': 'Edições criadas: {years}.',
  'seed.log.progress':
    '  {done}/{total} governos · {assessments} avaliações · {answers} respostas · {priorities} prioridades · {seconds} s',
} as const;
