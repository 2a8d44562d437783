// «Αναφορά προβλήματος»: the form's enhancements, over map.js. Without this script the form works as it is
// (the address field is sent as written, the nearby requests come as a step after sending).
//   - the address field searches the local gazetteer (GET data-places?q=) and a chosen place moves the pin;
//   - as the pin moves, the open requests of the same kind within 50 m (GET data-nearby) are shown with
//     their +1, and «No, it is another» lets the report go on without the server's extra step;
//   - «my location» and a spot outside the municipality say so beside the map.
(() => {
  'use strict';
  const form = document.getElementById('report-form');
  if (!form || !window.fetch) return;
  const map = document.getElementById('report-map');
  const lat = document.getElementById('report-lat');
  const long = document.getElementById('report-long');
  const address = document.getElementById('report-address_string');
  const list = document.getElementById('report-places');
  const nearby = document.getElementById('report-nearby');
  const seen = document.getElementById('report-nearby-seen');
  const status = document.getElementById('report-map-message');
  const serviceCode = form.querySelector('input[name="service_code"]');

  const say = (text) => {
    if (status) status.textContent = text || '';
  };
  if (map && status) {
    map.addEventListener('od-map-no-location', () => say(status.dataset.noLocation));
    map.addEventListener('od-map-outside', () => say(status.dataset.outside));
  }

  const element = (tag, props, children) => {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const child of children || []) node.append(child);
    return node;
  };

  // The gazetteer: a short list of buttons under the field; choosing one puts the pin there.
  let searchTimer = null;
  let searchNo = 0;
  const showPlaces = (places) => {
    list.replaceChildren(
      ...places.map((p) => {
        const button = element('button', { type: 'button', className: 'button secondary', textContent: p.name });
        button.addEventListener('click', () => {
          address.value = p.name;
          list.hidden = true;
          if (map) map.dispatchEvent(new CustomEvent('od-map-place', { detail: { lat: p.lat, long: p.long } }));
        });
        return element('li', {}, [button]);
      }),
    );
    list.hidden = places.length === 0;
  };
  if (address && list) {
    address.addEventListener('input', () => {
      clearTimeout(searchTimer);
      const q = address.value.trim();
      if (q.length < 2) return showPlaces([]);
      searchTimer = setTimeout(async () => {
        const mine = ++searchNo;
        try {
          const answer = await fetch(`${form.dataset.places}?q=${encodeURIComponent(q)}`, { headers: { accept: 'application/json' } });
          if (!answer.ok || mine !== searchNo) return;
          showPlaces((await answer.json()).places || []);
        } catch {
          showPlaces([]);
        }
      }, 250);
    });
  }

  // The nearby requests of the same kind: shown as the pin moves; each with its +1 (a plain form POST).
  let nearbyNo = 0;
  const showNearby = (requests) => {
    if (requests.length === 0) {
      nearby.hidden = true;
      nearby.replaceChildren();
      seen.value = '1';
      return;
    }
    seen.value = '';
    const other = element('button', { type: 'button', className: 'button secondary', textContent: nearby.dataset.other });
    other.addEventListener('click', () => {
      seen.value = '1';
      nearby.hidden = true;
    });
    nearby.replaceChildren(
      element('h2', { textContent: nearby.dataset.title }),
      element('p', { textContent: nearby.dataset.lead }),
      element(
        'ul',
        { className: 'movement-list' },
        requests.map((r) => {
          // Inside the report's form: the button sends it to the +1 instead (its token with it; no files).
          const support = element('button', { type: 'submit', className: 'button', textContent: nearby.dataset.same, formAction: r.support, formEnctype: 'application/x-www-form-urlencoded', formNoValidate: true });
          return element('li', { className: 'movement-card' }, [
            element('p', { textContent: `${r.description} (${r.distance} m, +${r.supports})` }),
            element('p', {}, [element('a', { href: r.url, textContent: nearby.dataset.open })]),
            support,
          ]);
        }),
      ),
      element('p', {}, [other]),
    );
    nearby.hidden = false;
  };
  if (lat && long && nearby && seen && serviceCode) {
    lat.addEventListener('change', async () => {
      if (!lat.value || !long.value) return;
      say('');
      const mine = ++nearbyNo;
      const query = `service_code=${encodeURIComponent(serviceCode.value)}&lat=${encodeURIComponent(lat.value)}&long=${encodeURIComponent(long.value)}`;
      try {
        const answer = await fetch(`${form.dataset.nearby}?${query}`, { headers: { accept: 'application/json' } });
        if (!answer.ok || mine !== nearbyNo) return;
        showNearby((await answer.json()).requests || []);
      } catch {
        // The server shows them as a step after sending.
        seen.value = '';
      }
    });
  }
})();
