// The accessibility statement required of public-sector websites by Directive (EU) 2016/2102, as
// transposed by Law 4727/2020 (articles 36 ff.), following the structure of the Commission's model
// statement (Implementing Decision (EU) 2018/1523): compliance status, preparation, feedback and contact,
// enforcement procedure. Greek and English.
import { formatDate } from '../format.ts';
import { html } from '../html.ts';
import type { Html } from '../html.ts';
import type { Municipality } from '../municipality.ts';
import type { Page, Site, Visit } from '../page.ts';

/** When the statement was prepared and last reviewed (after the site's own assessment). */
export const STATEMENT_PREPARED = '2026-11-24';
export const STATEMENT_REVIEWED = '2026-11-24';

const contactList = (m: Municipality, visit: Visit, labels: { email: string; phone: string; post: string }): Html => html`<ul>
  <li>${labels.email}: <a href="mailto:${m.contact.email}">${m.contact.email}</a></li>
  ${m.contact.phone ? html`<li>${labels.phone}: <a href="tel:${m.contact.phone.replace(/\s/g, '')}">${m.contact.phone}</a></li>` : null}
  <li>${labels.post}: ${m.contact.address[visit.lang]}</li>
</ul>`;

const greek = (m: Municipality, visit: Visit, origin: string): Html => html`
<p class="lead">Ο ${m.name.el} δεσμεύεται να καθιστά τον ιστότοπό του προσβάσιμο, σύμφωνα με τον ν. 4727/2020 (ΦΕΚ Α΄ 184/23.09.2020, άρθρα 36 επ.), με τον οποίο ενσωματώθηκε στο ελληνικό δίκαιο η Οδηγία (ΕΕ) 2016/2102 για την προσβασιμότητα των ιστοτόπων και των εφαρμογών για φορητές συσκευές των οργανισμών του δημόσιου τομέα.</p>
<p>Η παρούσα δήλωση προσβασιμότητας ισχύει για τον ιστότοπο «Ανοιχτά οικονομικά» (<a href="${origin}/">${origin}</a>), στα ελληνικά και στα αγγλικά.</p>

<h2>Κατάσταση συμμόρφωσης</h2>
<p>Ο ιστότοπος είναι <strong>πλήρως σύμφωνος</strong> με το εναρμονισμένο πρότυπο ΕΝ 301 549 V3.2.1 και, μέσω αυτού, με τις Οδηγίες για την Προσβασιμότητα του Περιεχομένου του Ιστού (WCAG) 2.1, επίπεδο ΑΑ.</p>
<p>Ειδικότερα:</p>
<ul>
  <li>Όλες οι σελίδες λειτουργούν πλήρως χωρίς JavaScript· το μόνο σενάριο προσθέτει τη ζωντανή ενημέρωση της αρχικής σελίδας.</li>
  <li>Κάθε γράφημα συνοδεύεται από πίνακα με τα ίδια στοιχεία, και ο σχηματικός χάρτης της περιουσίας από τις συντεταγμένες κάθε στοιχείου σε κείμενο.</li>
  <li>Οι νέες κινήσεις ανακοινώνονται διακριτικά στους αναγνώστες οθόνης, χωρίς να μετακινείται το περιεχόμενο που διαβάζετε.</li>
  <li>Όλες οι λειτουργίες είναι διαθέσιμες από το πληκτρολόγιο, με ορατή ένδειξη εστίασης και σύνδεσμο μετάβασης στο κύριο περιεχόμενο.</li>
</ul>

<h2>Μη προσβάσιμο περιεχόμενο</h2>
<p>Δεν έχει εντοπιστεί περιεχόμενο που να μην είναι προσβάσιμο. Εκτός του πεδίου της δήλωσης βρίσκονται οι ιστότοποι τρίτων στους οποίους παραπέμπουμε (η Διαύγεια για τις αποφάσεις, το OpenStreetMap για τους χάρτες). Τα περιγραφικά κείμενα των κινήσεων (αιτιολογίες, επωνυμίες, τίτλοι κωδικών) προέρχονται από το λογιστικό σύστημα του Δήμου και υπάρχουν μόνο στα ελληνικά· στις αγγλικές σελίδες σημειώνονται ως ελληνικό κείμενο, ώστε να εκφωνούνται σωστά.</p>

<h2>Κατάρτιση της δήλωσης</h2>
<p>Η δήλωση καταρτίστηκε στις ${formatDate(STATEMENT_PREPARED)} και επανεξετάστηκε τελευταία φορά στις ${formatDate(STATEMENT_REVIEWED)}. Βασίζεται σε αυτοαξιολόγηση: σε κάθε αλλαγή του λογισμικού, κάθε σελίδα και στις δύο γλώσσες ελέγχεται αυτόματα με το axe-core σε πρόγραμμα περιήγησης Chromium για τα κριτήρια WCAG 2.1 Α και ΑΑ, καθώς και για την πλοήγηση με πληκτρολόγιο, τη λειτουργία χωρίς JavaScript και την εμφάνιση σε οθόνη κινητού. Η δήλωση επανεξετάζεται τουλάχιστον μία φορά τον χρόνο και μετά από κάθε ουσιαστική αλλαγή του ιστοτόπου.</p>

<h2>Ανατροφοδότηση και στοιχεία επικοινωνίας</h2>
<p>Αν συναντήσετε οποιοδήποτε εμπόδιο στη χρήση του ιστοτόπου, ή αν χρειάζεστε κάποιο περιεχόμενο σε άλλη, προσβάσιμη μορφή, επικοινωνήστε μαζί μας. Περιγράψτε τη σελίδα και το πρόβλημα· θα σας απαντήσουμε το συντομότερο δυνατό και θα σας ενημερώσουμε για ό,τι κάναμε.</p>
${contactList(m, visit, { email: 'Ηλεκτρονικό ταχυδρομείο', phone: 'Τηλέφωνο', post: 'Ταχυδρομικά' })}

<h2>Διαδικασία εφαρμογής</h2>
<p>Αν δεν λάβετε απάντηση ή η απάντηση δεν σας ικανοποιεί, μπορείτε:</p>
<ul>
  <li>να υποβάλετε αναφορά στον <strong>Συνήγορο του Πολίτη</strong>, την ανεξάρτητη αρχή που εξετάζει αναφορές κατά των δημόσιων υπηρεσιών και των δήμων (<a href="https://www.synigoros.gr">www.synigoros.gr</a>)· ή</li>
  <li>να απευθυνθείτε στον Συμπαραστάτη του Δημότη και της Επιχείρησης του Δήμου, όπου έχει οριστεί.</li>
</ul>
<p>Την τήρηση των υποχρεώσεων προσβασιμότητας από τους ιστοτόπους του δημόσιου τομέα παρακολουθεί το Υπουργείο Ψηφιακής Διακυβέρνησης.</p>`;

const english = (m: Municipality, visit: Visit, origin: string): Html => html`
<p class="lead">The ${m.name.en} is committed to making its website accessible, in accordance with Greek Law 4727/2020 (Government Gazette A 184/23.09.2020, articles 36 ff.), which transposes into Greek law Directive (EU) 2016/2102 on the accessibility of the websites and mobile applications of public sector bodies.</p>
<p>This accessibility statement applies to the “Open finances” website (<a href="${origin}/">${origin}</a>), in Greek and in English.</p>

<h2>Compliance status</h2>
<p>This website is <strong>fully compliant</strong> with the harmonised standard EN 301 549 V3.2.1 and, through it, with the Web Content Accessibility Guidelines (WCAG) 2.1, level AA.</p>
<p>In particular:</p>
<ul>
  <li>Every page works fully without JavaScript; the only script adds the live updates of the home page.</li>
  <li>Every chart comes with a table of the same figures, and the schematic property map with each asset's coordinates as text.</li>
  <li>New movements are announced politely to screen readers, without moving the content you are reading.</li>
  <li>Everything can be done with the keyboard, with a visible focus indicator and a link that skips to the main content.</li>
</ul>

<h2>Non-accessible content</h2>
<p>No content has been found that is not accessible. Outside the scope of this statement are the third-party websites we link to (Diavgeia for decisions, OpenStreetMap for maps). The descriptive texts of the movements (descriptions, names, budget code titles) come from the municipality's accounting system and exist only in Greek; on the English pages they are marked as Greek text, so that they are pronounced correctly.</p>

<h2>Preparation of this statement</h2>
<p>This statement was prepared on ${formatDate(STATEMENT_PREPARED)} and last reviewed on ${formatDate(STATEMENT_REVIEWED)}. It is based on a self-assessment: on every change to the software, every page in both languages is checked automatically with axe-core in a Chromium browser against the WCAG 2.1 A and AA success criteria, and for keyboard navigation, working without JavaScript and display on a phone screen. The statement is reviewed at least once a year and after every substantial change to the website.</p>

<h2>Feedback and contact information</h2>
<p>If you meet any barrier while using this website, or if you need some content in another, accessible format, please contact us. Describe the page and the problem; we will reply as soon as possible and tell you what we have done.</p>
${contactList(m, visit, { email: 'Email', phone: 'Telephone', post: 'Post' })}

<h2>Enforcement procedure</h2>
<p>If you receive no reply, or the reply does not satisfy you, you can:</p>
<ul>
  <li>file a complaint with the <strong>Greek Ombudsman</strong> (<span lang="el">Συνήγορος του Πολίτη</span>), the independent authority that examines complaints against public services and municipalities (<a href="https://www.synigoros.gr">www.synigoros.gr</a>); or</li>
  <li>turn to the municipality's Citizen and Business Ombudsman (<span lang="el">Συμπαραστάτης του Δημότη και της Επιχείρησης</span>), where one has been appointed.</li>
</ul>
<p>Compliance of public sector websites with their accessibility obligations is monitored by the Ministry of Digital Governance.</p>`;

export const accessibilityPage = async (site: Site, visit: Visit): Promise<Page> => ({
  title: visit.t.accessibility.title,
  section: null,
  crumbs: [],
  description: visit.t.descriptions.accessibility(site.municipality.name[visit.lang]),
  main: html`<h1>${visit.t.accessibility.title}</h1>
<div class="prose">${(visit.lang === 'el' ? greek : english)(site.municipality, visit, visit.origin)}</div>`,
});
