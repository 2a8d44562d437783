// The stand-in's pages: plain HTML that works without JavaScript or styles (the site's Content Security
// Policy allows nothing inline), Greek first with English beside, the banner on every one.
import { escapeMarkup as e } from './markup.ts';
import type { StandInPerson } from './standInPeople.ts';
import { displayName } from './standInPeople.ts';

/** The authorize request's parameters, carried through the form to its POST. */
export interface AuthorizeRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly state: string;
  readonly scope: string;
  readonly codeChallenge: string;
  readonly codeChallengeMethod: string;
}

const frame = (title: string, body: string): string => `<!doctype html>
<html lang="el">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${e(title)}</title>
</head>
<body>
<header role="banner">
<p><strong>Δοκιμαστικό TaxisNet — <span lang="en">development stand-in, not the real TaxisNet</span>.</strong>
Δεν είναι το πραγματικό TaxisNet· τα πρόσωπα είναι επινοημένα. <span lang="en">The people are invented.</span></p>
</header>
<main>
${body}
</main>
</body>
</html>
`;

const hidden = (name: string, value: string): string => `<input type="hidden" name="${name}" value="${e(value)}">`;

const personButton = (person: StandInPerson): string =>
  `<li><button type="submit" name="taxid" value="${e(person.taxid)}">${e(displayName(person))} — ΑΦΜ <span lang="en">(tax no.)</span> ${e(person.taxid)}</button>
<br>${e(person.about.el)} / <span lang="en">${e(person.about.en)}</span></li>`;

export const authorizePage = (request: AuthorizeRequest, people: readonly StandInPerson[]): string =>
  frame(
    'Σύνδεση — Δοκιμαστικό TaxisNet / Log in — TaxisNet stand-in',
    `<h1>Σύνδεση ως… / <span lang="en">Log in as…</span></h1>
<p>Επιλέξτε πρόσωπο για να συνεχίσετε. / <span lang="en">Choose whom to log in as.</span></p>
<form method="post" action="authorize">
${hidden('client_id', request.clientId)}
${hidden('redirect_uri', request.redirectUri)}
${hidden('state', request.state)}
${hidden('scope', request.scope)}
${hidden('code_challenge', request.codeChallenge)}
${hidden('code_challenge_method', request.codeChallengeMethod)}
<ul>
${people.map(personButton).join('\n')}
</ul>
<p><button type="submit" name="cancel" value="1">Άκυρο / <span lang="en">Cancel</span></button></p>
</form>`,
  );

/** A request the stand-in will not send back to the application (a wrong client or redirect URI). */
export const refusalPage = (el: string, en: string): string =>
  frame('Λάθος αίτημα — Δοκιμαστικό TaxisNet / Bad request — TaxisNet stand-in', `<h1>Λάθος αίτημα / <span lang="en">Bad request</span></h1>
<p>${e(el)}</p>
<p lang="en">${e(en)}</p>`);
