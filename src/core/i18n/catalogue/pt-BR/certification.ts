/** Mensagens: certificação (elegibilidade, validade, emissão, revogação e verificação do selo). */
export const certification = {
  'certification.stage-incomplete': 'etapa "{stage}" incompleta: falta {missing}',
  'certification.index-below-minimum': 'índice {index} abaixo do mínimo {minimum}',
  'certification.groups-below-level': '{count} grupo(s) abaixo do nível "{level}"',
  'certification.assessment-not-found': 'Avaliação não encontrada.',
  'certification.not-eligible': '{government} não cumpre a regra de certificação da edição {year}: {reasons}.',
  'certification.seal-would-be-expired':
    'O selo de {government} da edição {year} já nasceria vencido: emitido hoje ({today}), valeria só até {validUntil}. Revise a validade dos selos da edição.',
  'certification.batch-would-be-expired':
    'Os selos da edição {year} já nasceriam vencidos: emitidos hoje ({today}), valeriam só até {validUntil}. Revise a validade dos selos da edição antes do lote.',
  'certification.kind.state': 'Estado',
  'certification.kind.municipality': 'Município',
  'certification.seal-email.subject': 'Selo MigraCidades {year} emitido: {government}',
  'certification.seal-email.body':
    'Olá,\n\n{government} ({uf}) recebeu o Selo MigraCidades {year}, número {number}, válido de {validFrom} até {validUntil}.\nVerificação pública: {url}',
  'certification.seal-not-found': 'Selo {number} não encontrado.',
  'certification.already-revoked': 'O selo {number} já foi revogado.',
  'certification.revoked-not-reissued': 'O selo {number} foi revogado e não pode ser reemitido.',
  'certification.reissued-reason': 'Reemitido: {reason}',
  'certification.edition-not-found': 'A edição {year} não existe.',
  'certification.editions-known': 'edições: {editions}',
  'certification.pdf-not-authentic': 'o PDF não é um selo emitido ou foi alterado',
  'certification.credential-not-authentic': 'a assinatura da credencial não confere',
  'certification.status.valid': 'Selo válido',
  'certification.status.revoked': 'Selo revogado',
  'certification.status.expired': 'Selo expirado',
  'certification.status.unknown': 'Selo desconhecido',
  'certification.verify-file-missing': 'Envie o PDF do selo no campo do arquivo.',
  'certification.field-required': 'obrigatório',
  'certification.verify-body-missing': 'Envie a credencial assinada (JWT) ou o PDF do selo.',
  'certification.credential-required': 'texto obrigatório',
  'certification.batch-not-found': 'Lote de emissão não encontrado.',
} as const;
