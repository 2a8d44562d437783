// The frame of every page: skip link, header with the language switch, main navigation, breadcrumbs,
// main content and footer. Plain HTML and one stylesheet; the live script only where a page asks for it.
import { attr, html } from './html.ts';
import type { Html } from './html.ts';
import { alternateUrl } from './lang.ts';
import type { NavEntry, Page, Site, Visit } from './page.ts';

/** The header's links: the frame's Home, the contexts' entries in their order, the frame's Open data. */
const sectionsOf = (site: Site, visit: Visit): readonly { key: string; path: string; label: string }[] => {
  const entry = (e: NavEntry) => ({ key: e.section, path: e.path, label: e.label[visit.lang] });
  return [{ key: 'home', path: '/', label: visit.t.nav.home }, ...site.nav.map(entry), { key: 'openData', path: '/open-data', label: visit.t.nav.openData }];
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
<link rel="icon" href="${site.staticFiles.url('favicon.svg')}" type="image/svg+xml">
<link rel="alternate" hreflang="${other}" href="${alternateUrl(visit.url, other)}">
${page.live ? html`<script type="module" src="${site.staticFiles.url('live.js')}"></script>` : null}
</head>
<body>
<a class="skip-link" href="#main">${t.skipLink}</a>
<header class="site-header">
  <div class="container header-bar">
    <a class="brand" href="${visit.href('/')}">${logo}<span class="brand-text"><span class="brand-name">${name}</span><span class="brand-tagline">${t.tagline}</span></span></a>
    <a class="lang-switch" href="${alternateUrl(visit.url, other)}" hreflang="${other}" lang="${other}" title="${t.otherLanguage.hint}">${t.otherLanguage.name}</a>
  </div>
  <nav class="site-nav" aria-label="${t.navLabel}">
    <div class="container"><ul>
      ${sectionsOf(site, visit).map((s) => html`<li><a href="${visit.href(s.path)}"${attr('aria-current', page.section === s.key && 'page')}>${s.label}</a></li>`)}
    </ul></div>
  </nav>
</header>
${breadcrumbs(visit, page)}
<main id="main" tabindex="-1" class="container">
${page.main}
</main>
<footer class="site-footer">
  <div class="container footer-grid">
    <div>
      <p class="footer-name">${name} · ${t.tagline}</p>
      <p>${t.footer.about}</p>
      <p>${t.footer.privacy}</p>
      ${t.footer.amountsNote ? html`<p>${t.footer.amountsNote}</p>` : null}
    </div>
    <ul class="footer-links">
      <li><a href="${visit.href('/open-data')}">${t.nav.openData}</a></li>
      <li><a href="${visit.href('/accessibility')}">${t.nav.accessibility}</a></li>
      <li>${t.footer.license}</li>
    </ul>
  </div>
</footer>
</body>
</html>
`;
};
