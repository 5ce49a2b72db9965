import type { FastifyReply } from 'fastify';
import type { FormProblem, WebPagesService, WebRequest } from '../web-pages.service';
import { encodeResume, type Resume } from './resume';

export interface SignInValues {
  readonly email: string;
  readonly next: string;
}

/** Each field's message (the first), for the text beside the field; every field is present for strict templates. */
export function byField(errors: readonly FormProblem[]): Record<string, string | null> {
  const fields = ['email', 'password', 'currentPassword', 'newPassword', 'confirmPassword'];
  return Object.fromEntries(fields.map((f) => [f, errors.find((e) => e.field === f)?.text ?? null]));
}

/** The sign-in form, with what was typed before the session expired kept in it when there is any. */
export function sendSignIn(
  pages: WebPagesService,
  req: WebRequest,
  reply: FastifyReply,
  page: {
    values: SignInValues;
    errors?: readonly FormProblem[];
    status: number;
    notice?: string | null;
    resume?: Resume | null;
  },
) {
  const errors = page.errors ?? [];
  return pages.send(
    req,
    reply,
    'sign-in',
    { title: 'web.sign-in.title', status: page.status, mainForm: 'sign-in-form', errors, notice: page.notice ?? null },
    { values: page.values, fieldErrors: byField(errors), resume: page.resume ? encodeResume(page.resume) : null },
  );
}

/** After signing in again: the kept form, to send with the new session (or to leave). */
export function sendResume(pages: WebPagesService, req: WebRequest, reply: FastifyReply, resume: Resume) {
  return pages.send(
    req,
    reply,
    'resume',
    { title: 'web.resume.title', mainForm: 'resume-form' },
    { action: resume.action, fields: resume.fields.map(([name, value]) => ({ name, value })) },
  );
}
