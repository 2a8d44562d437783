// The site's maps (Leaflet, from our own origin). Each `.od-map` element says what it shows in its data
// attributes; without JavaScript it stays an empty box and the page's fields and lists do the work.
//   data-tiles, data-attribution   the tile URL template and its credit
//   data-center="lat,long" data-zoom data-bounds="south,west,north,east"  the view, and the territory
//   data-mode="pick"   a click (or «my location») puts the marker and fills the inputs named by
//                      data-lat-input / data-long-input (ids), which then fire `change`
//   data-mode="show"   one marker at data-lat / data-long
//   data-mode="list"   the points of the JSON in the element whose id is data-points:
//                      [{ "lat", "long", "title", "url", "status": "open" | "closed" }]
(() => {
  'use strict';
  const L = window.L;
  if (!L) return;
  const numbers = (text) => (text || '').split(',').map(Number);
  const colours = { open: '#b45309', closed: '#15803d' };

  const mapOf = (element) => {
    const [lat, long] = numbers(element.dataset.center);
    const map = L.map(element, { scrollWheelZoom: false }).setView([lat, long], Number(element.dataset.zoom || 14));
    L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution, maxZoom: 19 }).addTo(map);
    if (element.dataset.bounds) {
      const [s, w, n, e] = numbers(element.dataset.bounds);
      map.setMaxBounds(L.latLngBounds([s - 0.05, w - 0.05], [n + 0.05, e + 0.05]));
    }
    return map;
  };

  const pick = (element, map) => {
    const latInput = document.getElementById(element.dataset.latInput);
    const longInput = document.getElementById(element.dataset.longInput);
    if (!latInput || !longInput) return;
    const [s, w, n, e] = numbers(element.dataset.bounds);
    let marker = null;
    const place = (lat, long, fromInputs) => {
      if (element.dataset.bounds && (lat < s || lat > n || long < w || long > e)) {
        element.dispatchEvent(new CustomEvent('od-map-outside', { bubbles: true }));
        return;
      }
      if (marker) marker.setLatLng([lat, long]);
      // A pin of our own CSS: Leaflet's default icon would fetch images we do not serve.
      else marker = L.marker([lat, long], { draggable: true, keyboard: true, title: element.dataset.markerTitle || '', icon: L.divIcon({ className: 'od-map-pin', iconSize: [22, 22], iconAnchor: [11, 22] }) }).addTo(map).on('dragend', () => place(marker.getLatLng().lat, marker.getLatLng().lng, false));
      if (!fromInputs) {
        latInput.value = lat.toFixed(6);
        longInput.value = long.toFixed(6);
        latInput.dispatchEvent(new Event('change', { bubbles: true }));
      }
    };
    if (latInput.value && longInput.value) {
      place(Number(latInput.value), Number(longInput.value), true);
      map.setView([Number(latInput.value), Number(longInput.value)], 17);
    }
    map.on('click', (event) => place(event.latlng.lat, event.latlng.lng, false));
    // A search (the page's address field) or the page's own script may move the marker.
    element.addEventListener('od-map-place', (event) => {
      place(event.detail.lat, event.detail.long, false);
      map.setView([event.detail.lat, event.detail.long], 17);
    });
    const locate = document.querySelector(`[data-my-location="${element.id}"]`);
    if (locate && navigator.geolocation) {
      locate.hidden = false;
      locate.addEventListener('click', () =>
        navigator.geolocation.getCurrentPosition(
          (position) => {
            place(position.coords.latitude, position.coords.longitude, false);
            map.setView([position.coords.latitude, position.coords.longitude], 17);
          },
          () => element.dispatchEvent(new CustomEvent('od-map-no-location', { bubbles: true })),
          { enableHighAccuracy: true, timeout: 10000 },
        ),
      );
    }
  };

  const list = (element, map) => {
    const source = document.getElementById(element.dataset.points);
    if (!source) return;
    const points = JSON.parse(source.textContent || '[]');
    const markers = [];
    for (const p of points) {
      if (typeof p.lat !== 'number' || typeof p.long !== 'number') continue;
      const link = document.createElement('a');
      link.href = p.url;
      link.textContent = p.title;
      const colour = colours[p.status] || colours.open;
      markers.push(L.circleMarker([p.lat, p.long], { radius: 8, color: colour, fillColor: colour, fillOpacity: 0.7 }).bindPopup(link).addTo(map));
    }
    if (markers.length > 0) map.fitBounds(L.featureGroup(markers).getBounds(), { maxZoom: 16, padding: [20, 20] });
  };

  for (const element of document.querySelectorAll('.od-map')) {
    const map = mapOf(element);
    if (element.dataset.mode === 'pick') pick(element, map);
    else if (element.dataset.mode === 'show') L.circleMarker([Number(element.dataset.lat), Number(element.dataset.long)], { radius: 10 }).addTo(map);
    else if (element.dataset.mode === 'list') list(element, map);
  }
})();
