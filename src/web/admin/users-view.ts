import type { UserView } from '../../core/auth/user-directory.service';
import { ROLES, type Role } from '../../core/auth/role';
import { type Language, translate } from '../../core/i18n/message';

export const USERS_PAGE_SIZE = 20;

/** The list's filters as typed in its query string (`?q=&papel=&situacao=&pagina=`), checked. */
export interface UserFilters {
  readonly q: string;
  readonly role: Role | '';
  readonly status: 'active' | 'disabled' | '';
  readonly page: number;
}

export function userFilters(query: Readonly<Record<string, unknown>>): UserFilters {
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const role = str(query.papel);
  const status = str(query.situacao);
  const page = Number(str(query.pagina));
  return {
    q: str(query.q).slice(0, 200),
    role: (ROLES as readonly string[]).includes(role) ? (role as Role) : '',
    status: status === 'active' || status === 'disabled' ? status : '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The service's query for a page of the list. */
export const userQuery = (f: UserFilters) => ({
  q: f.q || undefined,
  role: f.role || undefined,
  active: f.status === '' ? undefined : f.status === 'active',
  limit: USERS_PAGE_SIZE,
  offset: (f.page - 1) * USERS_PAGE_SIZE,
});

export const roleLabel = (role: Role, lang: Language) => translate(`web.admin.role.${role}`, lang);

/** One row of the users' table. */
export function userRow(user: UserView, lang: Language) {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: roleLabel(user.role, lang),
    government: user.governmentCode ?? '',
    status: translate(user.active ? 'web.admin.users.active' : 'web.admin.users.disabled', lang),
    active: user.active,
    href: `/admin/usuarios/${user.id}`,
    manage: translate('web.admin.users.manage', lang, { name: user.name }),
  };
}

/** Links to the previous and next pages, keeping the filters; "página 2 de 5". */
export function pagination(f: UserFilters, total: number, lang: Language) {
  const pages = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const href = (page: number) => {
    const q = new URLSearchParams();
    if (f.q) q.set('q', f.q);
    if (f.role) q.set('papel', f.role);
    if (f.status) q.set('situacao', f.status);
    q.set('pagina', String(page));
    return `/admin/usuarios?${q.toString()}`;
  };
  return {
    text: translate('web.admin.users.page', lang, { page: Math.min(f.page, pages), pages, total }),
    previous: f.page > 1 ? href(f.page - 1) : null,
    next: f.page < pages ? href(f.page + 1) : null,
  };
}

/** The role options of a select, the current one chosen. */
export const roleOptions = (lang: Language, selected: string) =>
  ROLES.map((r) => ({ value: r, label: roleLabel(r, lang), selected: r === selected }));
