// The stand-in's checkout pages: plain HTML that works without JavaScript or styles (the site's Content
// Security Policy allows nothing inline), Greek first with English beside, the banner on every one.

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const e = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

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
<p><strong>Δοκιμαστική πληρωμή — <span lang="en">development stand-in, not Viva</span>.</strong>
Δεν χρεώνεται καμία κάρτα. <span lang="en">No card is charged.</span></p>
</header>
<main>
${body}
</main>
</body>
</html>
`;

/** "1.234,56 €": the Greek way, from cents. */
const greekEuros = (cents: bigint): string => {
  const digits = cents.toString().padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${whole},${digits.slice(-2)} €`;
};

export interface CheckoutView {
  readonly orderCode: string;
  readonly cents: bigint;
  readonly description: string;
}

export const checkoutPage = (order: CheckoutView): string =>
  frame(
    'Πληρωμή με κάρτα — Δοκιμαστικό / Card payment — stand-in',
    `<h1>Πληρωμή με κάρτα / <span lang="en">Card payment</span></h1>
<dl>
<dt>Περιγραφή / <span lang="en">Description</span></dt><dd>${e(order.description)}</dd>
<dt>Ποσό / <span lang="en">Amount</span></dt><dd>${e(greekEuros(order.cents))}</dd>
<dt>Κωδικός εντολής / <span lang="en">Order code</span></dt><dd>${e(order.orderCode)}</dd>
</dl>
<form method="post" action="checkout">
<input type="hidden" name="ref" value="${e(order.orderCode)}">
<p><button type="submit" name="action" value="pay">Πληρωμή / <span lang="en">Pay</span></button></p>
<p><button type="submit" name="action" value="decline">Απόρριψη κάρτας (δοκιμή αποτυχίας) / <span lang="en">Card declined (failure test)</span></button></p>
<p><button type="submit" name="action" value="cancel">Ακύρωση / <span lang="en">Cancel</span></button></p>
</form>`,
  );

export const messagePage = (el: string, en: string): string =>
  frame('Πληρωμή — Δοκιμαστικό / Payment — stand-in', `<h1>${e(el)}</h1>
<p lang="en">${e(en)}</p>`);
