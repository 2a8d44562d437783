// The back office's routes (/office/ in Greek, /en/office/ in English). A page that needs a staff member
// redirects to the login without a staff session (a citizen's session never opens it), and answers 403 to a
// member without the page's role. Roles and the disabled flag are read from the account on every request,
// so a change takes effect at once. The login POST is limited per client address as well as locked per
// account, and answers the same for every failure.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { grantRepresentation, municipalDay, revokeRepresentation } from '../../api/identity/index.ts';
import type { StaffDeps, StaffMember } from '../../api/shared/staff/index.ts';
import { auditPage, isStaffError, listStaff, logInStaff, logOutStaff, passwordLinkMember, setPasswordWithLink, staffMember } from '../../api/shared/staff/index.ts';
import { endSession, preSessionToken, startSession } from '../../api/shared/sessions/index.ts';
import type { GrantInput } from '../../domain/index.ts';
import { isDomainError } from '../../domain/index.ts';
import type { Keyring } from '../../eventstore/keyring.ts';
import { failedMessages } from '../../notify/index.ts';
import type { Page, Visit } from '../shared/page.ts';
import type { LangPages, WebRoutes } from '../shared/pageRoutes.ts';
import { registerPages } from '../shared/pageRoutes.ts';
import { addressLimiter } from '../../api/shared/addressLimiter.ts';
import { lixouriPayments } from '../../api/debts/index.ts';
import { unmatchedCredits } from '../../projections/debts/index.ts';
import type { ApplicationsServices } from '../../api/applications/index.ts';
import { mayUseQueues } from './applications.ts';
import { registerApplicationsPages } from './applicationsRoutes.ts';
import type { RequestsOfficeServices } from './requests.ts';
import { registerRequestsPages } from './requestsRoutes.ts';
import type { CouncilOfficeServices } from './councilRoutes.ts';
import { mayKeepCouncil, registerCouncilPages, registerCouncilUploads } from './councilRoutes.ts';
import { assignBankCredit, bankCreditsPage, mayAssignCredits } from './bankCredits.ts';
import { officeText } from './messages.ts';
import { maySearchPeople, peoplePage, searchPeople } from './people.ts';
import { auditPageView, forbiddenPage, homePage, loginPage, messagePage, passwordPage, staffListPage } from './pages.ts';
import type { RepresentationsView } from './representations.ts';
import { lookUpRepresentations, mayRecordRepresentations, representationsPage } from './representations.ts';

/**
 * The staff's services; with the installation's keyring, the office also records legal representations (personal data, sealed);
 * with the applications context's services, it has the departments' queues of applications; with the requests
 * context's, the departments' queues of service requests (their reporters' contacts opened with the keyring).
 */
export type OfficeServices = StaffDeps & { readonly keyring?: Keyring; readonly applications?: ApplicationsServices; readonly requests?: RequestsOfficeServices; readonly council?: CouncilOfficeServices };

/** Login POSTs per client address in a window, on each node: beyond it, no password is even checked. */
export const LOGIN_ATTEMPTS_PER_ADDRESS = 20;
const WINDOW_MS = 15 * 60_000;

interface RepresentationBody extends Partial<GrantInput> {
  readonly representation?: string;
  readonly taxid?: string;
}

const representationSchema = {
  type: 'object',
  properties: {
    _csrf: { type: 'string', maxLength: 200 },
    companyTaxid: { type: 'string', maxLength: 40 },
    companyName: { type: 'string', maxLength: 1000 },
    representativeTaxid: { type: 'string', maxLength: 40 },
    basis: { type: 'string', maxLength: 1000 },
    evidence: { type: 'string', maxLength: 1000 },
    validFrom: { type: 'string', maxLength: 40 },
    validUntil: { type: 'string', maxLength: 40 },
    representation: { type: 'string', maxLength: 100 },
    taxid: { type: 'string', maxLength: 40 },
  },
} as const;

const GRANT_FIELDS = ['companyTaxid', 'companyName', 'representativeTaxid', 'basis', 'evidence', 'validFrom', 'validUntil'] as const;
const grantFieldOf = (column: string | null): (typeof GRANT_FIELDS)[number] | null => GRANT_FIELDS.find((f) => f === column) ?? null;

interface LoginBody {
  readonly email?: string;
  readonly password?: string;
  readonly repeated?: string;
}

const formSchema = {
  type: 'object',
  properties: { _csrf: { type: 'string', maxLength: 200 }, email: { type: 'string', maxLength: 320 }, password: { type: 'string', maxLength: 1024 }, repeated: { type: 'string', maxLength: 1024 } },
} as const;

export const officeRoutes =
  (services: OfficeServices): WebRoutes =>
  async (app, options) => {
    if (services.council) await registerCouncilUploads(app);
    const allowed = addressLimiter({ max: LOGIN_ATTEMPTS_PER_ADDRESS, windowMs: WINDOW_MS }, () => (services.now ?? (() => new Date()))().getTime());
    const render = (reply: FastifyReply, visit: Visit, page: Page) => {
      void reply.header('cache-control', 'private, no-store');
      return options.render(reply, visit, page);
    };

    /** The session's staff member, while the account exists and is enabled; null for anyone else. */
    const memberOf = async (request: FastifyRequest): Promise<StaffMember | null> => {
      if (request.session?.kind !== 'staff') return null;
      const member = await staffMember(services, request.session.subjectId);
      return member && !member.disabled ? member : null;
    };

    const guarded = (pages: LangPages, role: string | null, build: (visit: Visit, request: FastifyRequest, member: StaffMember) => Promise<Page>) =>
      async (request: FastifyRequest, reply: FastifyReply) => {
        const visit = pages.visit(request);
        const member = await memberOf(request);
        if (!member) return reply.header('cache-control', 'no-store').redirect(pages.at('/office/login'), 303);
        if (role !== null && !member.roles.includes(role as StaffMember['roles'][number])) return render(reply, visit, forbiddenPage(visit));
        return render(reply, visit, await build(visit, request, member));
      };

    registerPages(options, (pages) => {
      const { at } = pages;
      app.get(at('/office/login'), async (request, reply) => {
        const visit = pages.visit(request);
        if (await memberOf(request)) return reply.redirect(at('/office/'), 303);
        return render(reply, visit, loginPage(visit, preSessionToken(request, reply), null));
      });

      app.post<{ Body: LoginBody }>(at('/office/login'), { config: { csrf: 'pre-session' }, schema: { body: formSchema } }, async (request, reply) => {
        const visit = pages.visit(request);
        const t = officeText(visit).office;
        if (!allowed(request.ip)) return render(reply, visit, loginPage(visit, preSessionToken(request, reply), t.tooMany, null, 429));
        const outcome = await logInStaff(services, { email: request.body?.email ?? '', password: request.body?.password ?? '', address: request.ip });
        if (!outcome.ok) return render(reply, visit, loginPage(visit, preSessionToken(request, reply), t.loginFailed, null, 401));
        await startSession(request, reply, { kind: 'staff', subjectId: outcome.member.staffId, label: outcome.member.name });
        return reply.header('cache-control', 'no-store').redirect(at('/office/'), 303);
      });

      app.get<{ Params: { token: string } }>(
        at('/office/password/:token'),
        { schema: { params: { type: 'object', properties: { token: { type: 'string', maxLength: 64 } } } } },
        async (request, reply) => {
          const visit = pages.visit(request);
          const t = officeText(visit).office;
          const member = await passwordLinkMember(services, request.params.token);
          if (!member) return render(reply, visit, messagePage(visit, t.passwordTitle, t.linkInvalid, 404));
          return render(reply, visit, passwordPage(visit, `/office/password/${request.params.token}`, preSessionToken(request, reply), member, null));
        },
      );

      app.post<{ Params: { token: string }; Body: LoginBody }>(
        at('/office/password/:token'),
        { config: { csrf: 'pre-session' }, schema: { params: { type: 'object', properties: { token: { type: 'string', maxLength: 64 } } }, body: formSchema } },
        async (request, reply) => {
          const visit = pages.visit(request);
          const t = officeText(visit).office;
          const { token } = request.params;
          try {
            await setPasswordWithLink(services, { token, password: request.body?.password ?? '', repeated: request.body?.repeated ?? '' });
          } catch (error) {
            if (!isStaffError(error)) throw error;
            const member = await passwordLinkMember(services, token);
            const text = visit.lang === 'el' ? error.el : error.en;
            if (!member) return render(reply, visit, messagePage(visit, t.passwordTitle, t.linkInvalid, 404));
            return render(reply, visit, passwordPage(visit, `/office/password/${token}`, preSessionToken(request, reply), member, text, 400));
          }
          return render(reply, visit, loginPage(visit, preSessionToken(request, reply), null, t.passwordSet));
        },
      );

      app.post(at('/office/logout'), async (request, reply) => {
        if (request.session?.kind === 'staff') await logOutStaff(services, request.session.subjectId);
        await endSession(request, reply);
        return reply.header('cache-control', 'no-store').redirect(at('/office/login'), 303);
      });

      app.get(
        at('/office/'),
        guarded(pages, null, async (visit, request, member) =>
          homePage(
            visit,
            member,
            request.session!.csrfToken,
            member.roles.includes('admin') ? await failedMessages(services.client, services.schema) : null,
            services.keyring !== undefined,
            services.applications !== undefined && mayUseQueues(member),
            services.requests !== undefined && mayUseQueues(member),
            services.council !== undefined && mayKeepCouncil(member),
          ),
        ),
      );

      app.get<{ Querystring: { page?: number } }>(
        at('/office/audit'),
        { schema: { querystring: { type: 'object', properties: { page: { type: 'integer', minimum: 1, maximum: 100_000 } } } } },
        guarded(pages, 'admin', async (visit, request) => {
          const page = (request.query as { page?: number }).page ?? 1;
          const { entries, more } = await auditPage(services.client, services.schema, page);
          return auditPageView(visit, entries, page, more);
        }),
      );

      app.get(at('/office/staff'), guarded(pages, 'admin', async (visit) => staffListPage(visit, await listStaff(services))));

      const keyring = services.keyring;
      if (keyring) {
        const deps = { ...services, keyring };
        const view = async (request: FastifyRequest, member: StaffMember, taxid: string, extra: Partial<RepresentationsView> = {}): Promise<RepresentationsView> => ({
          csrfToken: request.session!.csrfToken,
          today: municipalDay((services.now ?? (() => new Date()))()),
          taxid,
          found: await lookUpRepresentations(deps, member, taxid),
          ...extra,
        });
        /** The page's guard: a staff member with the role, or the answer already sent. */
        const admin = async (request: FastifyRequest, reply: FastifyReply): Promise<StaffMember | null> => {
          const member = await memberOf(request);
          if (!member) {
            await reply.header('cache-control', 'no-store').redirect(at('/office/login'), 303);
            return null;
          }
          if (!mayRecordRepresentations(member)) {
            await render(reply, pages.visit(request), forbiddenPage(pages.visit(request)));
            return null;
          }
          return member;
        };
        const back = (taxid: string, done: 'granted' | 'revoked') => `${at('/office/representations')}?taxid=${encodeURIComponent(taxid)}&done=${done}`;

        app.get<{ Querystring: { taxid?: string; done?: 'granted' | 'revoked' } }>(
          at('/office/representations'),
          { schema: { querystring: { type: 'object', properties: { taxid: { type: 'string', maxLength: 40 }, done: { type: 'string', enum: ['granted', 'revoked'] } } } } },
          async (request, reply) => {
            const member = await admin(request, reply);
            if (!member) return reply;
            const visit = pages.visit(request);
            const taxid = (request.query.taxid ?? '').trim();
            return render(reply, visit, representationsPage(visit, await view(request, member, taxid, request.query.done ? { done: request.query.done } : {})));
          },
        );

        app.post<{ Body: RepresentationBody }>(at('/office/representations'), { schema: { body: representationSchema } }, async (request, reply) => {
          const member = await admin(request, reply);
          if (!member) return reply;
          const visit = pages.visit(request);
          const body = request.body ?? {};
          const input: GrantInput = {
            companyTaxid: body.companyTaxid ?? '',
            companyName: body.companyName ?? '',
            representativeTaxid: body.representativeTaxid ?? '',
            basis: body.basis ?? '',
            evidence: body.evidence ?? '',
            validFrom: body.validFrom ?? '',
            validUntil: body.validUntil ?? '',
          };
          try {
            await grantRepresentation(deps, input, member.staffId);
          } catch (e) {
            if (!isDomainError(e)) throw e;
            const error = { field: grantFieldOf(e.column), message: visit.lang === 'el' ? e.messageEl : e.messageEn, input };
            return render(reply, visit, representationsPage(visit, await view(request, member, '', { error }), e.status));
          }
          return reply.header('cache-control', 'no-store').redirect(back(input.companyTaxid.replace(/\s/g, ''), 'granted'), 303);
        });

        app.post<{ Body: RepresentationBody }>(at('/office/representations/revoke'), { schema: { body: representationSchema } }, async (request, reply) => {
          const member = await admin(request, reply);
          if (!member) return reply;
          const visit = pages.visit(request);
          const taxid = (request.body?.taxid ?? '').trim();
          try {
            await revokeRepresentation(deps, request.body?.representation ?? '', member.staffId);
          } catch (e) {
            if (!isDomainError(e)) throw e;
            const error = { field: null, message: visit.lang === 'el' ? e.messageEl : e.messageEn, input: {} };
            return render(reply, visit, representationsPage(visit, await view(request, member, taxid, { error }), e.status));
          }
          return reply.header('cache-control', 'no-store').redirect(back(taxid, 'revoked'), 303);
        });
      }

      if (services.applications) registerApplicationsPages(app, pages, { services: services.applications, render, memberOf });
      if (services.council) registerCouncilPages(app, pages, { services: services.council, render, memberOf });
      if (services.requests) registerRequestsPages(app, pages, { services: { ...(services.keyring ? { keyring: services.keyring } : {}), ...services.requests }, render, memberOf });

      app.get<{ Querystring: { done?: 'assigned' } }>(
        at('/office/bank-credits'),
        { schema: { querystring: { type: 'object', properties: { done: { type: 'string', enum: ['assigned'] } } } } },
        async (request, reply) => {
          const visit = pages.visit(request);
          const member = await memberOf(request);
          if (!member) return reply.header('cache-control', 'no-store').redirect(at('/office/login'), 303);
          if (!mayAssignCredits(member)) return render(reply, visit, forbiddenPage(visit));
          const credits = await unmatchedCredits(services.client, services.schema);
          return render(reply, visit, bankCreditsPage(visit, { csrfToken: request.session!.csrfToken, credits, ...(request.query.done ? { done: request.query.done } : {}) }));
        },
      );

      app.post<{ Body: { credit?: string; debt?: string } }>(
        at('/office/bank-credits/assign'),
        { schema: { body: { type: 'object', properties: { _csrf: { type: 'string', maxLength: 200 }, credit: { type: 'string', maxLength: 64 }, debt: { type: 'string', maxLength: 60 } } } } },
        async (request, reply) => {
          const visit = pages.visit(request);
          const member = await memberOf(request);
          if (!member) return reply.header('cache-control', 'no-store').redirect(at('/office/login'), 303);
          if (!mayAssignCredits(member)) return render(reply, visit, forbiddenPage(visit));
          const deps = { ...services, rfCode: lixouriPayments.rfCode, now: services.now ?? (() => new Date()) };
          const problem = await assignBankCredit(deps, member, request.body?.credit ?? '', request.body?.debt ?? '');
          if (problem === null) return reply.header('cache-control', 'no-store').redirect(`${at('/office/bank-credits')}?done=assigned`, 303);
          const credits = await unmatchedCredits(services.client, services.schema);
          return render(reply, visit, bankCreditsPage(visit, { csrfToken: request.session!.csrfToken, credits, problem }, problem === 'conflict' ? 409 : 400));
        },
      );

      app.get<{ Querystring: { q?: string } }>(
        at('/office/people'),
        { schema: { querystring: { type: 'object', properties: { q: { type: 'string', maxLength: 100 } } } } },
        async (request, reply) => {
          const visit = pages.visit(request);
          const member = await memberOf(request);
          if (!member) return reply.header('cache-control', 'no-store').redirect(at('/office/login'), 303);
          if (!maySearchPeople(member)) return render(reply, visit, forbiddenPage(visit));
          const query = (request.query.q ?? '').trim();
          const found = query.length >= 2 ? await searchPeople(services.client, services.schema, member, query) : null;
          return render(reply, visit, peoplePage(visit, query, found, (services.now ?? (() => new Date()))()));
        },
      );
    });
  };
