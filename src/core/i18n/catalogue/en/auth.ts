import type { auth as pt } from '../pt-BR/auth';

/** Messages: access (logging in, roles, users). */
export const auth: Record<keyof typeof pt, string> = {
  'auth.route-without-rule': 'This route does not declare who may reach it, so it is refused.',
  'auth.forbidden-role': 'Access denied: this action is reserved to {roles}.',
  'auth.own-government-only': 'You may only access your own government\u2019s data.',
  'auth.invalid-credentials': 'Wrong e-mail or password.',
  'auth.unauthenticated':
    'Log in first: get a token from /api/auth/login and send it as "Authorization: Bearer <token>" with each request.',
  'auth.official-needs-government': 'A municipal or state official must belong to a government.',
  'auth.official-needs-government.field': 'required for government officials',
  'auth.only-officials-have-government': 'Only municipal or state officials belong to a government.',
  'auth.only-officials-have-government.field': 'not for {role}',
  'auth.government-unknown': 'No government with IBGE code {code}.',
  'auth.email-taken': 'A user with the e-mail {email} already exists.',
  'auth.email-taken.field': 'already registered',
  'auth.role.official': 'government officials',
  'auth.role.reviewer': 'IOM reviewers',
  'auth.role.certifier': 'university certifiers',
  'auth.role.admin': 'administrators',
  'auth.csrf-invalid': 'The form has expired or did not come from this page: reload the page and try again.',
  'auth.password.current-wrong': 'The current password does not match.',
  'auth.password.too-short': 'The new password needs 12 to 200 characters.',
  'auth.password.policy': 'The password needs 12 to 200 characters.',
  'auth.user-not-found': 'User not found.',
  'auth.cannot-demote-self':
    'You cannot disable your own account or take away your own administrator role: ask another administrator.',
  'auth.password.common':
    'This password is among the most used ones and is easy to guess: choose another, for example a phrase of a few words.',
  'auth.password.repetitive':
    'This password repeats characters or follows a sequence (such as aaaa, abcabc or 1234): choose another.',
  'auth.password.personal': 'This password is made from the person\u2019s name or e-mail: choose another.',
  'auth.sign-in.throttled':
    'Too many unsuccessful sign-in attempts: for safety, new attempts are blocked. Try again in {minutes} min, from {time} (Brasília time).',
};
