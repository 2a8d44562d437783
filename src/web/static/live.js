// Live updates for the home page: the one script of the site, and an enhancement only (the page works
// without it). It listens to the live feed at /live; on any change it fetches the home page's live parts,
// already rendered by the server (so the numbers are formatted in one place), and
//  - replaces the year-at-a-glance and today figures in place,
//  - puts new movements at the top of the list when the reader is at the top of the page, and otherwise
//    keeps them behind a "N new movements" button, so that nothing moves under the reader's finger,
//  - announces them politely to screen readers.

const AT_TOP = 8;
const DEBOUNCE_MS = 250;

const section = document.querySelector('[data-live-fragment]');
if (section) start(section);

function start(section) {
  const list = section.querySelector('[data-live-list]');
  const indicator = section.querySelector('[data-live-indicator]');
  const heading = section.querySelector('h2');
  const announcer = document.querySelector('[data-live-announcer]');
  const button = document.querySelector('[data-live-button]');
  const keep = Math.max(list.children.length, 10);
  let pending = [];
  let pendingPayments = null;
  let timer = null;
  let running = false;
  let again = false;
  let retry = 1000;

  const positionOf = (item) => Number(item.dataset.position) || 0;
  const newest = () => Math.max(0, ...[...pending, ...list.children].map(positionOf));

  const announce = (message) => {
    announcer.textContent = '';
    setTimeout(() => {
      announcer.textContent = message;
    }, 100);
  };

  const summaryOf = (items) =>
    items.length === 1
      ? section.dataset.announceOne.replace('{summary}', items[0].dataset.summary)
      : section.dataset.announceMany.replace('{n}', String(items.length)).replace('{summary}', items[0].dataset.summary);

  const replacePart = (name, markup) => {
    const part = document.querySelector(`[data-live-part="${name}"]`);
    // A part is left alone while the reader's focus is inside it; the next change brings it up to date.
    if (!part || markup === undefined || part.contains(document.activeElement)) return;
    const fresh = document.createElement('template');
    fresh.innerHTML = markup;
    if (fresh.content.textContent !== part.textContent) part.replaceChildren(fresh.content);
  };

  const show = (items, payments) => {
    for (const item of items) item.classList.add('is-new');
    list.prepend(...items);
    while (list.children.length > keep) list.lastElementChild.remove();
    if (payments !== null) replacePart('payments', payments);
  };

  const updateButton = () => {
    button.hidden = pending.length === 0;
    button.textContent = pending.length === 1 ? button.dataset.one : button.dataset.many.replace('{n}', String(pending.length));
  };

  const refresh = async () => {
    const response = await fetch(section.dataset.liveFragment, { headers: { accept: 'application/json' } });
    if (!response.ok) return;
    const parts = await response.json();
    replacePart('glance', parts.glance);
    replacePart('today', parts.today);
    const template = document.createElement('template');
    template.innerHTML = parts.latest;
    const known = newest();
    const arrived = [...template.content.querySelectorAll('li[data-position]')].filter((item) => positionOf(item) > known);
    if (arrived.length === 0) return;
    if (window.scrollY <= AT_TOP && pending.length === 0) {
      show(arrived, parts.payments);
      announce(summaryOf(arrived));
      return;
    }
    pending = [...arrived, ...pending];
    pendingPayments = parts.payments;
    updateButton();
    announce(`${summaryOf(pending)} ${section.dataset.announceWaiting}`);
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      do {
        again = false;
        await refresh().catch(() => undefined);
      } while (again);
      running = false;
    }, DEBOUNCE_MS);
  };

  const setLive = (live) => {
    indicator.hidden = false;
    indicator.textContent = live ? indicator.dataset.on : indicator.dataset.off;
    indicator.classList.toggle('is-live', live);
  };

  const connect = () => {
    const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/live`);
    socket.addEventListener('open', () => {
      retry = 1000;
      setLive(true);
    });
    socket.addEventListener('message', (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      // hello: something may have arrived between the page's rendering and this connection.
      if (['hello', 'transaction', 'budgetLine', 'refresh'].includes(message.type)) schedule();
    });
    socket.addEventListener('close', () => {
      setLive(false);
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 30000);
    });
  };

  button.addEventListener('click', () => {
    show(pending, pendingPayments);
    pending = [];
    pendingPayments = null;
    updateButton();
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  });

  connect();
}
