/** Mensagens: e-mails enviados pelo sistema e os seus erros. */
export const notifications = {
  'notifications.deadline-reminder.subject': 'MigraCidades {year}: o prazo do diagnóstico termina em {days} dias',
  'notifications.deadline-reminder.body':
    'Olá,\n\nO prazo para enviar o diagnóstico de {government} na edição {year} termina em {deadline}, daqui a {days} dias.\nO diagnóstico ainda não foi enviado.\nContinue o preenchimento em: {page}',
  'notifications.invalid-day': 'Dia inválido: use uma data no formato AAAA-MM-DD.',
} as const;
