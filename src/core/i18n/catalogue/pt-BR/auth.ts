/** Mensagens: acesso (entrada no sistema, papéis, usuários). */
export const auth = {
  'auth.route-without-rule': 'Esta rota não declara quem pode acessá-la e por isso está bloqueada.',
  'auth.forbidden-role': 'Acesso negado: esta ação é reservada a {roles}.',
  'auth.own-government-only': 'Você só pode acessar os dados do seu próprio governo.',
  'auth.invalid-credentials': 'E-mail ou senha incorretos.',
  'auth.unauthenticated':
    'É preciso entrar no sistema: obtenha um token em /api/auth/login e envie-o no cabeçalho de cada requisição.',
  'auth.official-needs-government': 'Um servidor municipal ou estadual precisa estar ligado a um governo.',
  'auth.official-needs-government.field': 'obrigatório para servidores de governo',
  'auth.only-officials-have-government': 'Só servidores municipais ou estaduais pertencem a um governo.',
  'auth.only-officials-have-government.field': 'não se aplica a {role}',
  'auth.government-unknown': 'Nenhum governo com o código IBGE {code}.',
  'auth.email-taken': 'Já existe um usuário com o e-mail {email}.',
  'auth.email-taken.field': 'já cadastrado',
  'auth.role.official': 'servidores de governo',
  'auth.role.reviewer': 'revisores da OIM',
  'auth.role.certifier': 'certificadores da universidade',
  'auth.role.admin': 'administradores',
  'auth.csrf-invalid': 'O formulário expirou ou não veio desta página: recarregue a página e tente de novo.',
  'auth.password.current-wrong': 'A senha atual não confere.',
  'auth.password.too-short': 'A nova senha precisa ter de 12 a 200 caracteres.',
  'auth.password.policy': 'A senha precisa ter de 12 a 200 caracteres.',
  'auth.user-not-found': 'Usuário não encontrado.',
  'auth.cannot-demote-self':
    'Você não pode desativar a própria conta nem retirar de si o papel de administrador: peça a outro administrador.',
  'auth.password.common':
    'Esta senha está entre as mais usadas e é fácil de adivinhar: escolha outra, por exemplo uma frase de algumas palavras.',
  'auth.password.repetitive':
    'Esta senha repete caracteres ou segue uma sequência (como aaaa, abcabc ou 1234): escolha outra.',
  'auth.password.personal': 'Esta senha é feita do nome ou do e-mail da pessoa: escolha outra.',
  'auth.sign-in.throttled':
    'Muitas tentativas de entrada sem sucesso: por segurança, novas tentativas estão bloqueadas. Tente de novo em {minutes} min, a partir das {time} (horário de Brasília).',
} as const;
