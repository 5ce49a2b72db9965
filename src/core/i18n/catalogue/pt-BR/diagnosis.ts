/** Mensagens: diagnosis. */
export const diagnosis = {
  'diagnosis.item-name': 'item {number} («{label}»)',
  'diagnosis.someone': 'Outra pessoa',
  'diagnosis.locked': 'A avaliação está «{state}» e não aceita alterações.',
  'diagnosis.officials-only': 'Só os servidores do governo respondem ao diagnóstico.',
  'diagnosis.unknown-group': 'este grupo de indicadores não faz parte desta avaliação',
  'diagnosis.duplicate-item': 'item repetido no lote',
  'diagnosis.evidence-not-expected': 'este item não recebe evidência',
  'diagnosis.invalid-answers': 'Respostas inválidas: {count} problema(s); veja cada campo.',
  'diagnosis.stale.yours':
    'Você alterou o {item} em outra aba ou janela às {time} (horário de Brasília) de {date}. Nada foi salvo; veja o valor atual.',
  'diagnosis.stale.other':
    '{name} alterou o {item} às {time} (horário de Brasília) de {date}, depois que você abriu o diagnóstico. Nada foi salvo; veja o valor atual.',
  'diagnosis.stale.many':
    '{count} itens foram alterados depois que você abriu o diagnóstico: {items}. Nada foi salvo; veja os valores atuais.',
  'diagnosis.stale.field': 'a versão que você abriu ({expected}) está desatualizada; a atual é a {current}',
  'diagnosis.only-sent-back':
    'Durante os ajustes só os itens devolvidos pela revisão podem mudar; estes não foram devolvidos: {items}.',
  'diagnosis.evidence.url-or-file': 'informe um link ou um arquivo enviado, um dos dois',
  'diagnosis.evidence.http': 'o link deve começar com http:// ou https://',
  'diagnosis.evidence.invalid-link': 'link inválido',
  'diagnosis.evidence.not-uploaded': 'arquivo não encontrado: envie-o primeiro pelo envio de evidências',
  'diagnosis.required': '{item}: resposta obrigatória',
  'diagnosis.carried-not-confirmed': '{item}: resposta trazida da edição anterior; confirme ou altere',
  'diagnosis.evidence-missing':
    '{item}: a resposta «{answer}» precisa de evidência (um link ou um arquivo) para ser enviada',
  'diagnosis.submission-incomplete':
    'O diagnóstico ainda tem {count} pendência(s): {required} sem resposta ou a confirmar e {evidence} sem evidência.',
  'diagnosis.answer.other-version': 'o item pertence à versão {found} do questionário, não à versão {version}',
  'diagnosis.answer.unknown-item': 'não existe este item na versão {version} de «{group}»',
  'diagnosis.answer.na-not-allowed': '«Não se aplica» não é permitido para este item',
  'diagnosis.answer.expected-ypn': 'esperado Sim, Parcial ou Não',
  'diagnosis.answer.expected-ypn-na': 'esperado Sim, Parcial, Não ou Não se aplica',
  'diagnosis.answer.expected-option': 'esperada uma das opções do item',
  'diagnosis.answer.expected-options': 'esperada uma lista de opções do item',
  'diagnosis.answer.option-twice': 'uma opção foi repetida',
  'diagnosis.answer.unknown-option': '«{given}» não é uma opção deste item (opções: {options})',
  'diagnosis.answer.expected-number': 'esperado um número',
  'diagnosis.answer.expected-integer': 'esperado um número inteiro',
  'diagnosis.answer.out-of-range': 'deve estar entre {min} e {max}',
  'diagnosis.answer.at-least': 'deve ser {min} ou mais',
  'diagnosis.answer.at-most': 'deve ser {max} ou menos',
  'diagnosis.answer.expected-text': 'esperado um texto',
  'diagnosis.answer.too-long': 'mais longo que {max} caracteres',
  'diagnosis.answer.expected-evidence': 'esperado um link http(s) ou um arquivo enviado à plataforma',
} as const;
