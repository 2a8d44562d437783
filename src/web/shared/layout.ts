// The frame of every page: the description for link previews, skip link, the development banner, header
// with the account and the language switch, main navigation (the services, the finances), breadcrumbs,
// main content and footer (contact, data protection officer, the site's notices, when the data last
// changed). Plain HTML and one stylesheet; the live script only where a page asks for it.
import { formatDateTime } from './format.ts';
import { attr, html } from './html.ts';
import type { Html } from './html.ts';
import { alternateUrl } from './lang.ts';
import { sharedMessagesOf } from './messages.ts';
import type { NavEntry, Page, Site, Visit } from './page.ts';

interface HeaderLink {
  readonly key: string;
  readonly path: string;
  readonly label: string;
}

/** The header's first links, the frame's: Home and the citizen services. */
const mainLinks = (visit: Visit): readonly HeaderLink[] => [
  { key: 'home', path: '/', label: visit.t.nav.home },
  { key: 'services', path: '/services', label: visit.t.nav.services },
];

/** The links under «Οικονομικά / Finances»: the contexts' entries in their order, then the frame's Open data. */
export const financeLinks = (site: Site, visit: Visit): readonly HeaderLink[] => {
  const entry = (e: NavEntry) => ({ key: e.section, path: e.path, label: e.label[visit.lang] });
  return [...site.nav.map(entry), { key: 'openData', path: '/open-data', label: visit.t.nav.openData }];
};

const headerLink = (visit: Visit, page: Page) => (l: HeaderLink) =>
  html`<li><a href="${visit.href(l.path)}"${attr('aria-current', page.section === l.key && 'page')}>${l.label}</a></li>`;

/** Open Graph's locale names: Greek as spoken in Greece, English as the site writes it (British). */
const OG_LOCALE = { el: 'el_GR', en: 'en_GB' } as const;

/** The meta description and Open Graph tags: what a search result or a shared link shows of the page. */
const previewTags = (site: Site, visit: Visit, page: Page): Html => {
  const name = site.municipality.name[visit.lang];
  const description = page.description ?? visit.t.descriptions.site(name);
  const other = visit.lang === 'el' ? 'en' : 'el';
  return html`<meta name="description" content="${description}">
<meta property="og:type" content="website">
<meta property="og:site_name" content="${name} · ${visit.t.tagline}">
<meta property="og:title" content="${page.title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${site.publicUrl}${visit.url}">
<meta property="og:locale" content="${OG_LOCALE[visit.lang]}">
<meta property="og:locale:alternate" content="${OG_LOCALE[other]}">`;
};

/** Both languages, Greek first, whatever the page's: whoever reads either must not miss it. */
const devBanner = (): Html => {
  const [el, en] = [sharedMessagesOf('el').devBanner, sharedMessagesOf('en').devBanner];
  return html`<p class="dev-banner" role="note"><span lang="el">${el}</span> / <span lang="en">${en}</span></p>`;
};

const logo = html`<svg class="brand-mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
  <rect width="32" height="32" rx="6" class="brand-mark-bg"/>
  <path d="M6 25h20M8 22h16M9 12h14l-7-5zM10 13v8M14 13v8M18 13v8M22 13v8" class="brand-mark-fg"/>
</svg>`;

const breadcrumbs = (visit: Visit, page: Page): Html | null => {
  if (page.section === 'home' && page.crumbs.length === 0) return null;
  const trail = [{ label: visit.t.nav.home, path: '/' }, ...page.crumbs];
  return html`<nav class="breadcrumbs" aria-label="${visit.t.breadcrumbLabel}"><div class="container"><ol>
    ${trail.map((c) => html`<li><a href="${visit.href(c.path ?? '/')}">${c.label}</a></li>`)}
    <li><span aria-current="page">${page.title}</span></li>
  </ol></div></nav>`;
};

/** Log in, or the name of who is logged in and the way to their account (or the office, for staff). */
const accountLink = (visit: Visit): Html => {
  const { t, account } = visit;
  if (!account) {
    const here = visit.url.split('?')[0] ?? '/';
    const next = here.startsWith('/auth/') ? visit.href('/my/') : here;
    return html`<a class="account-link" href="/auth/taxisnet?next=${encodeURIComponent(next)}" title="${t.account.loginHint}">${t.account.login}</a>`;
  }
  return account.kind === 'staff'
    ? html`<a class="account-link" href="${visit.href('/office/')}"><span class="account-name">${account.name}</span> · ${t.account.office}</a>`
    : html`<a class="account-link" href="${visit.href('/my/')}"><span class="account-name">${account.name}</span> · ${t.account.my}</a>`;
};

const mailto = (email: string): Html => html`<a href="mailto:${email}">${email}</a>`;

const lastUpdated = (site: Site, visit: Visit): Html => {
  const at = site.lastUpdated();
  return html`<p class="footer-updated">${at === null ? visit.t.footer.noDataYet : html`${visit.t.footer.lastUpdated}: <time datetime="${at}">${formatDateTime(at)}</time>`}</p>`;
};

/** Who publishes the site and how to reach them, its data protection officer, its notices, its freshness. */
const footer = (site: Site, visit: Visit): Html => {
  const { t, lang } = visit;
  const m = site.municipality;
  return html`<footer class="site-footer">
  <div class="container footer-grid">
    <div>
      <p class="footer-name">${m.name[lang]} · ${t.tagline}</p>
      <p>${t.footer.about}</p>
      <p>${t.footer.privacy}</p>
      ${t.footer.amountsNote ? html`<p>${t.footer.amountsNote}</p>` : null}
      ${lastUpdated(site, visit)}
    </div>
    <div>
      <h2 class="footer-title">${t.footer.contactTitle}</h2>
      <address>
        <p>${m.name[lang]}<br>${m.contact.address[lang]}</p>
        <p>${t.footer.email}: ${mailto(m.contact.email)}${m.contact.phone ? html`<br>${t.footer.phone}: <a href="tel:${m.contact.phone.replace(/\s/g, '')}">${m.contact.phone}</a>` : null}</p>
        <p>${t.footer.dpo}: ${mailto(m.dataProtectionOfficer.email)}</p>
      </address>
    </div>
    <div>
      <h2 class="footer-title">${t.footer.linksTitle}</h2>
      <ul class="footer-links">
        <li><a href="${visit.href('/privacy')}">${t.nav.privacy}</a></li>
        <li><a href="${visit.href('/accessibility')}">${t.nav.accessibility}</a></li>
        <li><a href="${visit.href('/open-data')}">${t.nav.openData}</a></li>
        <li>${t.footer.license}</li>
      </ul>
    </div>
  </div>
</footer>`;
};

export const layout = (site: Site, visit: Visit, page: Page): Html => {
  const { t, lang } = visit;
  const other = lang === 'el' ? 'en' : 'el';
  const name = site.municipality.name[lang];
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · ${t.tagline} · ${name}</title>
<link rel="stylesheet" href="${site.staticFiles.url('site.css')}">
${(page.styles ?? []).map((file) => html`<link rel="stylesheet" href="${site.staticFiles.url(file)}">`)}
<link rel="icon" href="${site.staticFiles.url('favicon.svg')}" type="image/svg+xml">
<link rel="alternate" hreflang="${other}" href="${alternateUrl(visit.url, other)}">
${previewTags(site, visit, page)}
${page.live ? html`<script type="module" src="${site.staticFiles.url('live.js')}"></script>` : null}
${(page.scripts ?? []).map((file) => html`<script type="module" src="${site.staticFiles.url(file)}"></script>`)}
</head>
<body>
<a class="skip-link" href="#main">${t.skipLink}</a>
${site.devBanner ? devBanner() : null}
<header class="site-header">
  <div class="container header-bar">
    <a class="brand" href="${visit.href('/')}">${logo}<span class="brand-text"><span class="brand-name">${name}</span><span class="brand-tagline">${t.tagline}</span></span></a>
    ${accountLink(visit)}
    <a class="lang-switch" href="${alternateUrl(visit.url, other)}" hreflang="${other}" lang="${other}" title="${t.otherLanguage.hint}">${t.otherLanguage.name}</a>
  </div>
  <nav class="site-nav" aria-label="${t.navLabel}">
    <div class="container nav-rows">
      <ul class="nav-main">${mainLinks(visit).map(headerLink(visit, page))}</ul>
      <div class="nav-group"><span class="nav-group-label" id="nav-finances">${t.nav.finances}</span>
        <ul aria-labelledby="nav-finances">${financeLinks(site, visit).map(headerLink(visit, page))}</ul>
      </div>
    </div>
  </nav>
</header>
${breadcrumbs(visit, page)}
<main id="main" tabindex="-1" class="container">
${page.main}
</main>
${footer(site, visit)}
</body>
</html>
`;
};
