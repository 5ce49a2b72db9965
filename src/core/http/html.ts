import type { FastifyReply } from 'fastify';

/** Sends a rendered page (the public pages are server-rendered Handlebars). */
export function sendHtml(reply: FastifyReply, html: string, status = 200): FastifyReply {
  return reply.status(status).header('content-type', 'text/html; charset=utf-8').send(html);
}
