// A council session's public page, live: an enhancement only (the page is complete without it). It listens
// to the site's live feed at /live; on any change it asks the session's live parts, already drawn by the
// server (data-live-council names them), and replaces each part that changed — the current item, the
// attendance, each item's votes and result — so a vote shows within a second of the secretary's click.
// Parts are announced politely to screen readers by their own aria-live.

const DEBOUNCE_MS = 100;

const section = document.querySelector('[data-live-council]');
if (section) start(section);

function start(section) {
  const indicator = section.querySelector('[data-live-indicator]');
  let timer = null;
  let running = false;
  let again = false;
  let retry = 1000;

  const refresh = async () => {
    const response = await fetch(section.dataset.liveCouncil, { headers: { accept: 'application/json' } });
    if (!response.ok) return;
    const { parts } = await response.json();
    for (const [name, markup] of Object.entries(parts)) {
      const part = document.querySelector(`[data-live-part="${CSS.escape(name)}"]`);
      if (!part || part.contains(document.activeElement)) continue;
      const fresh = document.createElement('template');
      fresh.innerHTML = markup;
      if (fresh.content.textContent !== part.textContent) part.replaceChildren(fresh.content);
    }
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
    if (!indicator) return;
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
    // Any message: hello (something may have arrived since the page was drawn), or a change of the read models.
    socket.addEventListener('message', schedule);
    socket.addEventListener('close', () => {
      setLive(false);
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 30000);
    });
  };

  connect();
}
