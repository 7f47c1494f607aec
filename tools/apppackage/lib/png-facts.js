// What an icon is, read from its PNG with pngjs (every PNG colour type decoded to RGBA): its size and how many of
// its pixels are transparent, white, or something else, with the first "something else" as an example.
"use strict";

const { PNG } = require("pngjs");

/** Facts about a PNG, or { error } when the bytes are not a PNG pngjs can read. */
function pngFacts(bytes) {
  let image;
  try {
    image = PNG.sync.read(bytes);
  } catch (error) {
    return { error: `not a readable PNG (${error.message})` };
  }
  const facts = { width: image.width, height: image.height, transparent: 0, white: 0, other: 0, partlyTransparent: 0, firstOther: null };
  for (let i = 0; i < image.data.length; i += 4) {
    const [r, g, b, a] = image.data.subarray(i, i + 4);
    if (a > 0 && a < 255) facts.partlyTransparent++;
    if (a === 0) {
      facts.transparent++;
    } else if (r === 255 && g === 255 && b === 255) {
      facts.white++;
    } else {
      facts.other++;
      if (!facts.firstOther) {
        const pixel = i / 4;
        facts.firstOther = { x: pixel % image.width, y: Math.floor(pixel / image.width), rgba: [r, g, b, a] };
      }
    }
  }
  return facts;
}

module.exports = { pngFacts };
