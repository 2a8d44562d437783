// The identity context's site routes: the TaxisNet login (start, callback, logout) and the citizen's
// account pages. Every account route works on the session's own subject only: there is no subject id to
// give, so one citizen can never name another's account. A representative acting for a company works on the
// company's account: the session's subject is whoever the person acts for, and the person is the actor of
// every change (the events' metadata), with a banner and the way back to their own account.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CitizenServices } from '../../api/identity/index.ts';
import {
  accountExport,
  askToVerifyEmail,
  changeLanguage,
  changePhone,
  companiesRepresentedBy,
  confirmEmail,
  displayName,
  eraseAccount,
  forgetEmail,
  loadAccount,
  LOGIN_ATTEMPTS,
  logIn,
  startActingFor,
} from '../../api/identity/index.ts';
import type { ActingBy } from '../../api/shared/sessions/index.ts';
import { endSession, startSession } from '../../api/shared/sessions/index.ts';
import { identityErrors, isDomainError } from '../../domain/index.ts';
import { table } from '../../projections/shared/tables.ts';
import type { Lang } from '../shared/lang.ts';
import type { Visit } from '../shared/page.ts';
import type { WebRoutes } from '../shared/pageRoutes.ts';
import { registerPages } from '../shared/pageRoutes.ts';
import { identityText } from './messages.ts';
import type { AccountNotice } from './pages.ts';
import { accountPage, eraseConfirmPage, loginPage, messagePage, verifyEmailPage } from './pages.ts';

/** A login in progress lives ten minutes: long enough to type TaxisNet's codes, short enough to be useless later. */
export const LOGIN_ATTEMPT_MINUTES = 10;
/** The browser that started a login carries its state; the callback refuses any other (a forged login). */
export const LOGIN_COOKIE = '__Host-od_login';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Where to go after login: a path of this site only (never `//host`, `/\host` or a scheme), else the account. */
export const safeNext = (next: unknown): string => {
  if (typeof next !== 'string' || next.length > 512 || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/my/';
  if (/[\u0000-\u001f\u007f\\]/.test(next) || next.startsWith('/auth/')) return '/my/';
  return next;
};

const langOfPath = (path: string): Lang => (path === '/en' || path.startsWith('/en/') ? 'en' : 'el');

interface Body {
  readonly _csrf?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly language?: string;
  readonly confirm?: string;
  readonly s?: string;
  readonly t?: string;
  readonly representation?: string;
}

const formSchema = {
  type: 'object',
  properties: {
    _csrf: { type: 'string', maxLength: 200 },
    email: { type: 'string', maxLength: 320 },
    phone: { type: 'string', maxLength: 40 },
    language: { type: 'string', maxLength: 10 },
    confirm: { type: 'string', maxLength: 10 },
    s: { type: 'string', maxLength: 100 },
    t: { type: 'string', maxLength: 200 },
    representation: { type: 'string', maxLength: 100 },
  },
} as const;

export const identityRoutes =
  (services: CitizenServices): WebRoutes =>
  async (app, options) => {
    const attempts = table(services.schema, LOGIN_ATTEMPTS);
    const secure = services.publicUrl.startsWith('https://') || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(services.publicUrl);
    const render = (reply: FastifyReply, visit: Visit, page: Parameters<typeof options.render>[2]) => options.render(reply, visit, page);

    /** The session's citizen, or null (no session, a staff session, or an account since erased). */
    const citizenOf = (request: FastifyRequest): string | null => (request.session?.kind === 'citizen' ? request.session.subjectId : null);
    /** Who acts for the session's subject, or null: the subject itself. */
    const actingOf = (request: FastifyRequest): ActingBy | null => (request.session?.kind === 'citizen' ? request.session.actingBy : null);

    const failure = (request: FastifyRequest, reply: FastifyReply, lang: Lang, text: string, status: number, next = '/my/') => {
      const visit = options.visitOf(lang, request);
      const t = identityText(visit);
      return render(reply, visit, messagePage(visit, t.auth.failedTitle, text, status, { href: `/auth/taxisnet?next=${encodeURIComponent(next)}`, label: t.auth.tryAgain }));
    };

    // GET /auth/taxisnet: a new login attempt, remembered in the database and in this browser, then TaxisNet.
    app.get<{ Querystring: { next?: string } }>(
      '/auth/taxisnet',
      { schema: { querystring: { type: 'object', properties: { next: { type: 'string', maxLength: 600 } } } } },
      async (request, reply) => {
        const next = safeNext(request.query.next);
        const lang = langOfPath(next);
        if (!services.login) {
          const visit = options.visitOf(lang, request);
          const t = identityText(visit);
          return render(reply, visit, messagePage(visit, t.auth.unavailableTitle, t.my.loginUnavailable, 503));
        }
        const attempt = services.login.newAttempt();
        await services.client.query(`DELETE FROM ${attempts} WHERE created_at < now() - interval '${LOGIN_ATTEMPT_MINUTES} minutes'`);
        await services.client.query(`INSERT INTO ${attempts} (state_hash, code_verifier, next) VALUES ($1, $2, $3)`, [sha256(attempt.state), attempt.codeVerifier, next]);
        reply.setCookie(LOGIN_COOKIE, attempt.state, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: LOGIN_ATTEMPT_MINUTES * 60 });
        reply.header('cache-control', 'no-store');
        return reply.redirect(services.login.authorizeUrl(attempt), 302);
      },
    );

    // GET /auth/taxisnet/callback: TaxisNet sends the browser back with a code (or an error) and the state.
    app.get<{ Querystring: { code?: string; state?: string; error?: string } }>(
      '/auth/taxisnet/callback',
      {
        schema: {
          querystring: {
            type: 'object',
            properties: { code: { type: 'string', maxLength: 2048 }, state: { type: 'string', maxLength: 512 }, error: { type: 'string', maxLength: 200 }, error_description: { type: 'string', maxLength: 2048 } },
          },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        const { code, state, error } = request.query;
        const cookie = request.cookies[LOGIN_COOKIE];
        reply.clearCookie(LOGIN_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
        const login = services.login;
        if (!login) return failure(request, reply, 'el', identityText({ lang: 'el' }).my.loginUnavailable, 503);
        const mine = typeof state === 'string' && typeof cookie === 'string' && state.length === cookie.length && timingSafeEqual(Buffer.from(state), Buffer.from(cookie));
        if (!mine) return failure(request, reply, 'el', `${identityText({ lang: 'el' }).auth.foreign} / ${identityText({ lang: 'en' }).auth.foreign}`, 400);
        // One use: the attempt is taken out as it is read, so a replayed callback finds nothing.
        const [row] = await services.client.query<{ code_verifier: string; next: string; fresh: boolean }>(
          `DELETE FROM ${attempts} WHERE state_hash = $1 RETURNING code_verifier, next, created_at >= now() - interval '${LOGIN_ATTEMPT_MINUTES} minutes' AS fresh`,
          [sha256(state)],
        );
        if (!row || !row.fresh) return failure(request, reply, 'el', `${identityText({ lang: 'el' }).auth.expired} / ${identityText({ lang: 'en' }).auth.expired}`, 400);
        const lang = langOfPath(row.next);
        const t = identityText({ lang });
        if (error !== undefined) return failure(request, reply, lang, error === 'access_denied' ? t.auth.cancelled : t.auth.refused, error === 'access_denied' ? 200 : 400, row.next);
        if (!code) return failure(request, reply, lang, t.auth.refused, 400, row.next);
        let subjectId: string;
        let label: string;
        try {
          const identity = await login.identify(code, row.code_verifier);
          subjectId = (await logIn(services, identity)).subjectId;
          label = displayName({ details: identity });
        } catch (e) {
          const coded = e as { code?: unknown; el?: unknown; en?: unknown; status?: unknown };
          if (typeof coded.code === 'string' && coded.code.startsWith('OD_TAXISNET_') && typeof coded.el === 'string' && typeof coded.en === 'string') {
            request.log.warn({ code: coded.code, cause: (e as Error).cause }, 'TaxisNet login failed');
            return failure(request, reply, lang, lang === 'el' ? coded.el : coded.en, typeof coded.status === 'number' ? coded.status : 502, row.next);
          }
          throw e;
        }
        await startSession(request, reply, { kind: 'citizen', subjectId, label });
        return reply.redirect(row.next, 303);
      },
    );

    // POST /auth/logout: ends this session, then TaxisNet's (for a citizen), and comes back to the home page.
    app.post('/auth/logout', async (request, reply) => {
      const citizen = citizenOf(request) !== null;
      await endSession(request, reply);
      reply.header('cache-control', 'no-store');
      return reply.redirect(citizen && services.login ? services.login.logoutUrl(`${services.publicUrl}/`) : '/', 303);
    });

    registerPages(options, ({ at, visit }) => {
      /** The account page for the session's citizen; the login page without one. */
      const showAccount = async (request: FastifyRequest, reply: FastifyReply, notice: AccountNotice = {}) => {
        const v = visit(request);
        reply.header('cache-control', 'no-store');
        const subjectId = citizenOf(request);
        const account = subjectId ? await loadAccount(services, subjectId) : null;
        if (!subjectId || !account || !request.session) return render(reply, v, loginPage(v, v.href('/my/'), services.login !== null));
        const acting = actingOf(request);
        const representative = acting ? await loadAccount(services, acting.subjectId) : null;
        const side = {
          companies: acting || account.kind === 'company' ? [] : await companiesRepresentedBy(services, subjectId),
          acting: representative ? { representativeName: displayName(representative) } : null,
        };
        return render(reply, v, accountPage(v, account, request.session.csrfToken, notice, side));
      };

      app.get<{ Querystring: { done?: string } }>(
        at('/my/'),
        { schema: { querystring: { type: 'object', properties: { done: { type: 'string', enum: ['saved', 'email'] } } } } },
        (request, reply) => showAccount(request, reply, { saved: request.query.done === 'saved', emailSent: request.query.done === 'email' }),
      );
      app.get(at('/my'), (request, reply) => reply.redirect(visit(request).href('/my/'), 301));

      /** A form's change to the session's own account; a refusal shows the page again with the message. */
      const change =
        (field: 'email' | 'phone' | 'language' | null, act: (subjectId: string, body: Body, by: ActingBy | null) => Promise<void>, done: 'saved' | 'email' = 'saved') =>
        async (request: FastifyRequest<{ Body: Body }>, reply: FastifyReply) => {
          const v = visit(request);
          const subjectId = citizenOf(request);
          if (!subjectId) return reply.redirect(v.href('/my/'), 303);
          try {
            await act(subjectId, request.body ?? {}, actingOf(request));
          } catch (e) {
            if (!isDomainError(e) || field === null) throw e;
            if (e.code === 'OD_ACCOUNT_UNKNOWN' || e.code === 'OD_ACCOUNT_ERASED') return reply.redirect(v.href('/my/'), 303);
            const value = String((request.body ?? {})[field] ?? '');
            return showAccount(request, reply, { error: { field, message: v.lang === 'el' ? e.messageEl : e.messageEn, value } });
          }
          return reply.redirect(`${v.href('/my/')}?done=${done}`, 303);
        };

      const form = { schema: { body: formSchema } };
      app.post<{ Body: Body }>(at('/my/email'), form, change('email', (s, b, by) => askToVerifyEmail(services, s, b.email ?? '', by), 'email'));
      app.post<{ Body: Body }>(at('/my/email/remove'), form, change(null, (s, _b, by) => forgetEmail(services, s, by)));
      app.post<{ Body: Body }>(at('/my/phone'), form, change('phone', (s, b, by) => changePhone(services, s, b.phone ?? '', by)));
      app.post<{ Body: Body }>(at('/my/language'), form, change('language', (s, b, by) => changeLanguage(services, s, b.language ?? '', by)));

      // A representative starts acting for a company: a new session (the id rotated) whose subject is the
      // company, naming the person and the grant, ending when the grant does or is revoked.
      app.post<{ Body: Body }>(at('/my/act-for'), form, async (request, reply) => {
        const v = visit(request);
        const subjectId = citizenOf(request);
        if (!subjectId || actingOf(request)) return reply.redirect(v.href('/my/'), 303);
        const person = await loadAccount(services, subjectId);
        if (!person) return reply.redirect(v.href('/my/'), 303);
        let start: Awaited<ReturnType<typeof startActingFor>>;
        try {
          start = await startActingFor(services, subjectId, request.body?.representation ?? '');
        } catch (e) {
          if (!isDomainError(e)) throw e;
          const t = identityText(v);
          reply.header('cache-control', 'no-store');
          return render(reply, v, messagePage(v, t.my.actingRefusedTitle, v.lang === 'el' ? e.messageEl : e.messageEn, e.status, { href: v.href('/my/'), label: t.my.toAccount }));
        }
        const representationId = request.body?.representation ?? '';
        await startSession(request, reply, {
          kind: 'citizen',
          subjectId: start.companySubjectId,
          label: `${start.companyName} (${displayName(person)})`,
          actingBy: { subjectId, representationId, endsAt: start.endsAt },
        });
        return reply.header('cache-control', 'no-store').redirect(v.href('/my/'), 303);
      });

      // Back to the person's own account: a new session again, theirs.
      app.post<{ Body: Body }>(at('/my/act-for/end'), form, async (request, reply) => {
        const v = visit(request);
        const acting = actingOf(request);
        if (!acting) return reply.redirect(v.href('/my/'), 303);
        const person = await loadAccount(services, acting.subjectId);
        if (!person) {
          await endSession(request, reply);
          return reply.redirect(v.href('/my/'), 303);
        }
        await startSession(request, reply, { kind: 'citizen', subjectId: acting.subjectId, label: displayName(person) });
        return reply.header('cache-control', 'no-store').redirect(v.href('/my/'), 303);
      });

      app.get(at('/my/data.json'), async (request, reply) => {
        const subjectId = citizenOf(request);
        const account = subjectId ? await loadAccount(services, subjectId) : null;
        if (!account) return reply.redirect(visit(request).href('/my/'), 303);
        const exportedAt = new Date().toISOString();
        return reply
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="opendimos-my-data-${exportedAt.slice(0, 10)}.json"`)
          .type('application/json; charset=utf-8')
          .send(JSON.stringify(accountExport(account, exportedAt), null, 2));
      });

      app.get(at('/my/erase'), async (request, reply) => {
        const v = visit(request);
        if (!citizenOf(request) || !request.session || actingOf(request)) return reply.redirect(v.href('/my/'), 303);
        reply.header('cache-control', 'no-store');
        return render(reply, v, eraseConfirmPage(v, request.session.csrfToken));
      });

      app.post<{ Body: Body }>(at('/my/erase'), form, async (request, reply) => {
        const v = visit(request);
        const subjectId = citizenOf(request);
        if (!subjectId || !request.session) return reply.redirect(v.href('/my/'), 303);
        if (request.body?.confirm !== 'yes') return render(reply, v, eraseConfirmPage(v, request.session.csrfToken, true));
        try {
          if (actingOf(request)) throw identityErrors.OD_ERASURE_BY_REPRESENTATIVE();
          await eraseAccount(services, subjectId);
        } catch (e) {
          if (!isDomainError(e)) throw e;
          const t = identityText(v);
          return render(reply, v, messagePage(v, t.my.eraseConfirmTitle, v.lang === 'el' ? e.messageEl : e.messageEn, e.status, { href: v.href('/my/'), label: t.my.toAccount }));
        }
        await endSession(request, reply);
        const t = identityText(v);
        return render(reply, v, messagePage(v, t.my.erasedTitle, t.my.erasedText));
      });

      // The link in the e-mail opens a page with a button (mail scanners follow links; they do not press buttons).
      app.get<{ Querystring: { s?: string; t?: string } }>(
        at('/my/email/verify'),
        { schema: { querystring: { type: 'object', properties: { s: { type: 'string', maxLength: 100 }, t: { type: 'string', maxLength: 200 } } } } },
        async (request, reply) => {
          const v = visit(request);
          reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
          return render(reply, v, verifyEmailPage(v, request.query.s ?? '', request.query.t ?? '', request.session?.csrfToken ?? null));
        },
      );

      app.post<{ Body: Body }>(at('/my/email/verify'), form, async (request, reply) => {
        const v = visit(request);
        const t = identityText(v);
        const subjectId = request.body?.s ?? '';
        const token = request.body?.t ?? '';
        reply.header('cache-control', 'no-store');
        try {
          if (!/^[0-9a-f-]{36}$/.test(subjectId) || token.length === 0) throw Object.assign(new Error('bad link'), { link: true });
          await confirmEmail(services, subjectId, token);
        } catch (e) {
          // Whatever is wrong with the link (unknown subject, erased, wrong or old token), one answer: it names nobody.
          if (!isDomainError(e) && !(e as { link?: boolean }).link) throw e;
          const refusal = identityErrors.OD_EMAIL_LINK_INVALID();
          return render(reply, v, messagePage(v, t.my.verifyTitle, v.lang === 'el' ? refusal.messageEl : refusal.messageEn, 400, { href: v.href('/my/'), label: t.my.toAccount }));
        }
        return render(reply, v, messagePage(v, t.my.verifyTitle, t.my.verifiedText, 200, { href: v.href('/my/'), label: t.my.toAccount }));
      });
    });
  };
