// JepBot's mark, drawn from geometry rather than kept as an image nobody can edit: a speech bubble (a conversation)
// holding a "J" (JEP). Shapes are signed distance functions in a unit square (x right, y down); each pixel is
// sampled SAMPLES×SAMPLES times, so edges are antialiased and the result is the same on every machine.
"use strict";

const SAMPLES = 8;

// The Teams accent colour of the manifest (#1B5E7E): the colour icon's background and the "J" on the bubble.
const ACCENT = [0x1b, 0x5e, 0x7e];
const WHITE = [255, 255, 255];

/** Distance to a rounded rectangle given by its centre, half size and corner radius; negative inside. */
function roundedBox(px, py, cx, cy, hx, hy, r) {
  const qx = Math.abs(px - cx) - hx + r;
  const qy = Math.abs(py - cy) - hy + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance to a triangle a-b-c; negative inside. */
function triangle(px, py, a, b, c) {
  const orientation = Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
  let distance = Infinity;
  let inside = true;
  for (const [p, q] of [[a, b], [b, c], [c, a]]) {
    distance = Math.min(distance, segment(px, py, p, q));
    const side = Math.sign((q[0] - p[0]) * (py - p[1]) - (q[1] - p[1]) * (px - p[0]));
    if (side !== 0 && side !== orientation) inside = false;
  }
  return inside ? -distance : distance;
}

/** Distance to the segment p-q. */
function segment(px, py, p, q) {
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  const t = Math.max(0, Math.min(1, ((px - p[0]) * dx + (py - p[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (p[0] + t * dx), py - (p[1] + t * dy));
}

/** Distance to a polyline. */
function polyline(px, py, points) {
  let d = Infinity;
  for (let i = 1; i < points.length; i++) d = Math.min(d, segment(px, py, points[i - 1], points[i]));
  return d;
}

// The bubble: a rounded box with a tail at the lower left. The union of distances is exact outside, which is all
// the outline's stroke and the fill need.
function bubble(px, py) {
  const box = roundedBox(px, py, 0.5, 0.43, 0.36, 0.29, 0.16);
  const tail = triangle(px, py, [0.24, 0.6], [0.46, 0.66], [0.18, 0.9]);
  return Math.min(box, tail);
}

// The "J": a top bar, a stem and a hook, as the centre line of a stroke.
const J_LINE = (() => {
  const points = [[0.42, 0.24], [0.62, 0.24], [0.55, 0.24], [0.55, 0.5]];
  const cx = 0.455;
  const cy = 0.5;
  const r = 0.095;
  for (let i = 1; i <= 16; i++) {
    const angle = (Math.PI * i) / 16;
    points.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
  }
  points.push([0.36, 0.46]);
  return points;
})();

const J_CENTRE = [0.49, 0.43];

/** The "J" as a stroke of the given half width, scaled about its centre (the outline icon needs a smaller one). */
function letterJ(px, py, halfWidth, scale = 1) {
  const [cx, cy] = J_CENTRE;
  return polyline(cx + (px - cx) / scale, cy + (py - cy) / scale, J_LINE) * scale - halfWidth;
}

/** Fraction of the pixel (x, y) of a size×size image where inside(u, v) holds, u and v in the unit square. */
function coverage(x, y, size, inside) {
  let hits = 0;
  for (let i = 0; i < SAMPLES; i++) {
    for (let j = 0; j < SAMPLES; j++) {
      if (inside((x + (i + 0.5) / SAMPLES) / size, (y + (j + 0.5) / SAMPLES) / size)) hits++;
    }
  }
  return hits / (SAMPLES * SAMPLES);
}

function blend(under, over, alpha) {
  return under.map((u, i) => Math.round(u + (over[i] - u) * alpha));
}

/**
 * The 192×192 colour icon: a full square in the accent colour (Teams masks the shape itself), the white bubble
 * with an accent "J" inside the central 120×120 safe area.
 */
function drawColor() {
  const size = 192;
  const safe = 120 / size;
  const offset = (1 - safe) / 2;
  const toMark = (u) => (u - offset) / safe;
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inBubble = coverage(x, y, size, (u, v) => bubble(toMark(u), toMark(v)) <= 0);
      const inJ = coverage(x, y, size, (u, v) => letterJ(toMark(u), toMark(v), 0.055) <= 0);
      const colour = blend(blend(ACCENT, WHITE, inBubble), ACCENT, inJ);
      rgba.set([...colour, 255], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, rgba };
}

/** The 32×32 outline icon: the bubble's outline and the "J" in white on transparent; antialiasing only in alpha. */
function drawOutline() {
  const size = 32;
  const margin = 1 / size;
  const scale = 1 - 2 * margin;
  const toMark = (u) => (u - margin) / scale;
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const alpha = coverage(x, y, size, (u, v) => {
        const mu = toMark(u);
        const mv = toMark(v);
        return Math.abs(bubble(mu, mv) + 0.035) <= 0.035 || letterJ(mu, mv, 0.05, 0.74) <= 0;
      });
      rgba.set([...WHITE, Math.round(alpha * 255)], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, rgba };
}

module.exports = { ACCENT, drawColor, drawOutline };
