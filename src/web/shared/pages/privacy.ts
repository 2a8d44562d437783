// Ιδιωτικότητα / Privacy notice, as GDPR Art. 13 asks of whoever collects personal data: who the controller
// and its data protection officer are, what is kept and why (Art. 6(1)(e) public task, (c) legal
// obligation), for how long, who receives it, the rights and the complaint to the Hellenic DPA, the
// cookies (strictly necessary ones only, which need no consent under Law 3471/2006 art. 4(5), so the site
// has no cookie banner), and how personal data is encrypted per person and erased by destroying the key.
import { html } from '../html.ts';
import type { Html } from '../html.ts';
import type { Municipality } from '../municipality.ts';
import type { Page, Site, Visit } from '../page.ts';

/** The cookies the site sets, by name: a test holds them to the names the code uses. */
export const PRIVACY_COOKIES = { session: '__Host-od_session', csrf: '__Host-od_presession', login: '__Host-od_login' } as const;

/** The longest a session lasts (absolute timeout) and how long an idle one survives, as the notice says. */
export const SESSION_LIMITS = { absoluteHours: 12, idleMinutes: 30 } as const;

const mail = (email: string): Html => html`<a href="mailto:${email}">${email}</a>`;

const greek = (m: Municipality, visit: Visit): Html => html`
<p class="lead">Ο ${m.name.el} σέβεται την ιδιωτικότητά σας. Εδώ εξηγούμε ποια προσωπικά δεδομένα επεξεργάζεται ο ιστότοπος, γιατί, για πόσο και ποια δικαιώματα έχετε, σύμφωνα με τον Γενικό Κανονισμό για την Προστασία Δεδομένων (ΓΚΠΔ, Κανονισμός (ΕΕ) 2016/679) και τον ν. 4624/2019.</p>

<h2 id="controller">Υπεύθυνος επεξεργασίας</h2>
<p>${m.name.el}, ${m.contact.address.el}. Ηλεκτρονικό ταχυδρομείο: ${mail(m.contact.email)}.</p>
<p>Υπεύθυνος Προστασίας Δεδομένων (ΥΠΔ): ${mail(m.dataProtectionOfficer.email)}. Σε αυτόν απευθύνεστε για κάθε ερώτημα σχετικά με τα δεδομένα σας.</p>

<h2 id="kept">Τι κρατάμε</h2>
<ul>
  <li><strong>Τα δημόσια οικονομικά στοιχεία του Δήμου</strong>: προϋπολογισμός, έσοδα, έξοδα, προμηθευτές (νομικά πρόσωπα) και δημοτική περιουσία. Τα φυσικά πρόσωπα που πληρώνονται ή πληρώνουν δεν εμφανίζονται ποτέ με όνομα ή ΑΦΜ· εμφανίζονται ως «φυσικό πρόσωπο».</li>
  <li><strong>Για όσους συνδέονται με TaxisNet</strong>: όσα μας δίνει το TaxisNet, δηλαδή ΑΦΜ, επώνυμο, όνομα, πατρώνυμο, μητρώνυμο και έτος γέννησης· το ηλεκτρονικό ταχυδρομείο και το τηλέφωνο επικοινωνίας, μόνο αν τα δώσετε· τη γλώσσα που προτιμάτε· πότε ανοίξατε τον λογαριασμό και πότε συνδεθήκατε. Τους κωδικούς σας στο TaxisNet δεν τους βλέπουμε ποτέ.</li>
  <li><strong>Λογαριασμοί υπαλλήλων</strong>: όνομα, ηλεκτρονικό ταχυδρομείο, ρόλοι, το κατακερματισμένο συνθηματικό (argon2id, ποτέ το ίδιο) και οι αποτυχημένες προσπάθειες σύνδεσης.</li>
  <li><strong>Συνεδρίες</strong>: όσο είστε συνδεδεμένοι, ποιος είστε και πότε συνδεθήκατε και κινηθήκατε τελευταία φορά, στον διακομιστή.</li>
  <li><strong>Ίχνος ελέγχου</strong>: κάθε φορά που υπάλληλος ανοίγει τα στοιχεία ενός δημότη καταγράφεται ποιος, ποιον και πότε.</li>
</ul>

<h2 id="why">Γιατί</h2>
<p>Επεξεργαζόμαστε τα δεδομένα για την άσκηση καθήκοντος δημόσιου συμφέροντος (άρθρο 6 παρ. 1 στοιχ. ε΄ ΓΚΠΔ): τη διαφάνεια των οικονομικών του Δήμου και την ηλεκτρονική εξυπηρέτηση των δημοτών. Το ίχνος ελέγχου και όσα αρχεία ορίζει ο νόμος τηρούνται για τη συμμόρφωση με έννομη υποχρέωση (άρθρο 6 παρ. 1 στοιχ. γ΄ ΓΚΠΔ). Δεν χρησιμοποιούμε τα δεδομένα για διαφήμιση ούτε για κατάρτιση προφίλ.</p>

<h2 id="how-long">Για πόσο</h2>
<ul>
  <li>Συνεδρία: έως ${SESSION_LIMITS.absoluteHours} ώρες το πολύ, και λήγει νωρίτερα μετά από ${SESSION_LIMITS.idleMinutes} λεπτά χωρίς κίνηση ή όταν αποσυνδεθείτε.</li>
  <li>Λογαριασμός δημότη: μέχρι να τον διαγράψετε. Το ηλεκτρονικό ταχυδρομείο και το τηλέφωνο αφαιρούνται όποτε θέλετε.</li>
  <li>Ίχνος ελέγχου και αρχεία που ορίζει ο νόμος: για όσο το απαιτεί ο νόμος.</li>
  <li>Τα δημόσια οικονομικά στοιχεία μένουν δημοσιευμένα: είναι αμετάβλητο αρχείο και τα λάθη διορθώνονται με αντιλογισμό, όχι με σβήσιμο.</li>
</ul>

<h2 id="security">Κρυπτογράφηση και διαγραφή</h2>
<p>Τα προσωπικά σας στοιχεία φυλάσσονται κρυπτογραφημένα με ένα κλειδί που ανήκει μόνο σε εσάς (AES-256-GCM)· τα κλειδιά φυλάσσονται χωριστά, κρυπτογραφημένα με το κύριο κλειδί της εγκατάστασης. Όταν διαγράφετε τον λογαριασμό, καταστρέφεται το κλειδί σας: ό,τι είχε καταγραφεί για εσάς μένει στο αμετάβλητο αρχείο, αλλά δεν μπορεί να το διαβάσει πια κανείς, ούτε ο Δήμος, και αφαιρείστε από κάθε κατάλογο και αναζήτηση.</p>

<h2 id="rights">Τα δικαιώματά σας</h2>
<ul>
  <li><strong>Πρόσβαση</strong> (άρθρο 15): στη σελίδα «<a href="${visit.href('/my/')}">Ο λογαριασμός μου</a>» βλέπετε όσα κρατάμε και τα κατεβάζετε όλα σε αρχείο JSON.</li>
  <li><strong>Διόρθωση</strong> (άρθρο 16): αλλάζετε εκεί τα στοιχεία επικοινωνίας και τη γλώσσα σας· τα στοιχεία του TaxisNet διορθώνονται στην πηγή τους και ενημερώνονται στην επόμενη σύνδεσή σας.</li>
  <li><strong>Διαγραφή</strong> (άρθρο 17): διαγράφετε τον λογαριασμό σας από την ίδια σελίδα, όπου δεν το εμποδίζει υποχρέωση διατήρησης που ορίζει ο νόμος.</li>
  <li><strong>Περιορισμός και εναντίωση</strong> (άρθρα 18 και 21): γράψτε στον ΥΠΔ.</li>
  <li><strong>Καταγγελία</strong>: αν θεωρείτε ότι παραβιάζονται τα δικαιώματά σας, μπορείτε να προσφύγετε στην Αρχή Προστασίας Δεδομένων Προσωπικού Χαρακτήρα (Κηφισίας 1-3, 115 23 Αθήνα, <a href="https://www.dpa.gr">www.dpa.gr</a>).</li>
</ul>

<h2 id="cookies">Cookies</h2>
<p>Ο ιστότοπος χρησιμοποιεί μόνο cookies απολύτως απαραίτητα για να λειτουργήσει, γι' αυτό δεν σας ζητά συγκατάθεση και δεν έχει μήνυμα για cookies. Δεν υπάρχουν cookies στατιστικών, διαφήμισης ή τρίτων.</p>
<ul>
  <li><code>${PRIVACY_COOKIES.session}</code>: η συνεδρία σας όσο είστε συνδεδεμένοι (ένας τυχαίος αριθμός· τα στοιχεία μένουν στον διακομιστή).</li>
  <li><code>${PRIVACY_COOKIES.csrf}</code>: προστατεύει τις φόρμες από πλαστές αιτήσεις άλλων ιστοτόπων (CSRF).</li>
  <li><code>${PRIVACY_COOKIES.login}</code>: μόνο κατά τη σύνδεση με TaxisNet, για λίγα λεπτά, ώστε η επιστροφή από το TaxisNet να αντιστοιχεί στη δική σας προσπάθεια.</li>
</ul>`;

const english = (m: Municipality, visit: Visit): Html => html`
<p class="lead">The ${m.name.en} respects your privacy. This notice explains which personal data this website processes, why, for how long, and what rights you have, under the General Data Protection Regulation (GDPR, Regulation (EU) 2016/679) and Greek Law 4624/2019.</p>

<h2 id="controller">Controller</h2>
<p>${m.name.en}, ${m.contact.address.en}. Email: ${mail(m.contact.email)}.</p>
<p>Data protection officer (<span lang="el">Υπεύθυνος Προστασίας Δεδομένων, ΥΠΔ</span>): ${mail(m.dataProtectionOfficer.email)}. Write to them with any question about your data.</p>

<h2 id="kept">What we keep</h2>
<ul>
  <li><strong>The municipality's public financial records</strong>: budget, revenues, expenses, suppliers (legal entities) and municipal property. Private individuals who are paid or who pay never appear by name or tax number; they are shown as “private individual”.</li>
  <li><strong>For those who log in with TaxisNet</strong>: what TaxisNet gives us, that is tax number (ΑΦΜ), surname, first name, father's name, mother's name and year of birth; a contact email and phone, only if you give them; your preferred language; when you opened the account and when you logged in. We never see your TaxisNet credentials.</li>
  <li><strong>Staff accounts</strong>: name, email, roles, the password's hash (argon2id, never the password) and failed login attempts.</li>
  <li><strong>Sessions</strong>: while you are logged in, who you are and when you logged in and were last active, on the server.</li>
  <li><strong>Audit trail</strong>: each time a member of staff opens a resident's details, who looked at whom and when is recorded.</li>
</ul>

<h2 id="why">Why</h2>
<p>We process this data to perform a task in the public interest (GDPR Art. 6(1)(e)): the transparency of the municipality's finances and serving residents online. The audit trail and the records the law prescribes are kept to comply with a legal obligation (GDPR Art. 6(1)(c)). We do not use the data for advertising or profiling.</p>

<h2 id="how-long">For how long</h2>
<ul>
  <li>A session: ${SESSION_LIMITS.absoluteHours} hours at most, ending sooner after ${SESSION_LIMITS.idleMinutes} minutes without activity or when you log out.</li>
  <li>A resident's account: until you erase it. You can remove your email and phone at any time.</li>
  <li>The audit trail and records the law prescribes: for as long as the law requires.</li>
  <li>The public financial records stay published: they are an immutable log, and mistakes are corrected by reversals, not by deletion.</li>
</ul>

<h2 id="security">Encryption and erasure</h2>
<p>Your personal details are stored encrypted with a key that belongs to you alone (AES-256-GCM); the keys are kept apart, themselves encrypted with the installation's master key. When you erase your account, your key is destroyed: what was recorded about you stays in the immutable log, but nobody can read it any more, not even the municipality, and you are removed from every list and search.</p>

<h2 id="rights">Your rights</h2>
<ul>
  <li><strong>Access</strong> (Art. 15): on “<a href="${visit.href('/my/')}">My account</a>” you see what we keep and download all of it as a JSON file.</li>
  <li><strong>Rectification</strong> (Art. 16): you change your contact details and language there; TaxisNet's details are corrected at their source and updated at your next login.</li>
  <li><strong>Erasure</strong> (Art. 17): you erase your account from the same page, where no retention duty set by law stands against it.</li>
  <li><strong>Restriction and objection</strong> (Arts. 18 and 21): write to the data protection officer.</li>
  <li><strong>Complaint</strong>: if you believe your rights are infringed, you may complain to the Hellenic Data Protection Authority (<span lang="el">Αρχή Προστασίας Δεδομένων Προσωπικού Χαρακτήρα</span>, Kifisias 1-3, 115 23 Athens, <a href="https://www.dpa.gr">www.dpa.gr</a>).</li>
</ul>

<h2 id="cookies">Cookies</h2>
<p>This website uses only cookies strictly necessary for it to work, so it asks for no consent and has no cookie banner. There are no analytics, advertising or third-party cookies.</p>
<ul>
  <li><code>${PRIVACY_COOKIES.session}</code>: your session while you are logged in (a random number; the details stay on the server).</li>
  <li><code>${PRIVACY_COOKIES.csrf}</code>: protects forms against forged requests from other websites (CSRF).</li>
  <li><code>${PRIVACY_COOKIES.login}</code>: only while logging in with TaxisNet, for a few minutes, so that the return from TaxisNet is matched to your own attempt.</li>
</ul>`;

export const privacyPage = async (site: Site, visit: Visit): Promise<Page> => {
  const { t, lang } = visit;
  return {
    title: t.privacy.title,
    section: null,
    crumbs: [],
    description: t.descriptions.privacy(site.municipality.name[lang]),
    main: html`<h1>${t.privacy.title}</h1>
<div class="prose">${(lang === 'el' ? greek : english)(site.municipality, visit)}</div>`,
  };
};
