/**
 * Zoom and pan for the map page (plain ES2019, inlined into MAP_SCRIPT's closure): the wheel zooms
 * about the cursor, a drag pans, `reset` restores the initial view. Everything moves by one
 * `transform` on the `viewport` group, in viewBox units, so node positions, hit-testing and the
 * highlight classes stay as drawn. A drag ends in a click on what it started on: that click is
 * swallowed (capture phase), so panning never toggles a highlight.
 */
export const MAP_ZOOM_SCRIPT = String.raw`
  function installZoom(svg, viewport, reset) {
    var MIN = 0.2, MAX = 40, k = 1, tx = 0, ty = 0, drag = null, dragged = false;
    function apply() {
      viewport.setAttribute('transform', 'translate(' + tx.toFixed(2) + ' ' + ty.toFixed(2) + ') scale(' + k.toFixed(4) + ')');
      svg.setAttribute('data-zoom', k.toFixed(4));
    }
    function toViewBox(ev) {
      var m = svg.getScreenCTM();
      return m ? new DOMPoint(ev.clientX, ev.clientY).matrixTransform(m.inverse()) : { x: 0, y: 0 };
    }
    svg.addEventListener('wheel', function (ev) {
      ev.preventDefault();
      // deltaMode 1 is lines (Firefox): about 16 pixels each.
      var delta = ev.deltaY * (ev.deltaMode === 1 ? 16 : 1);
      var next = Math.min(MAX, Math.max(MIN, k * Math.exp(-delta * 0.0015)));
      var p = toViewBox(ev);
      // Keep the point under the cursor where it is: p = t + k·q before and after.
      tx = p.x - (p.x - tx) * next / k;
      ty = p.y - (p.y - ty) * next / k;
      k = next;
      apply();
    }, { passive: false });
    svg.addEventListener('pointerdown', function (ev) {
      if (ev.button !== 0) return;
      var m = svg.getScreenCTM();
      drag = { x: ev.clientX, y: ev.clientY, tx: tx, ty: ty, unit: m ? m.a : 1 };
      dragged = false;
    });
    window.addEventListener('pointermove', function (ev) {
      if (drag === null) return;
      var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (!dragged && Math.abs(dx) + Math.abs(dy) < 4) return;
      dragged = true;
      svg.classList.add('panning');
      tx = drag.tx + dx / drag.unit;
      ty = drag.ty + dy / drag.unit;
      apply();
    });
    window.addEventListener('pointerup', function () { drag = null; svg.classList.remove('panning'); });
    svg.addEventListener('click', function (ev) { if (dragged) { dragged = false; ev.stopPropagation(); } }, true);
    reset.addEventListener('click', function () { k = 1; tx = 0; ty = 0; apply(); });
    apply();
  }
`;
