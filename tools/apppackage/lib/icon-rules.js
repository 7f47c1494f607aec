// The rules Teams sets for the two icons of an app package: the colour icon is a full-bleed 192×192 square (Teams
// masks the shape itself), the outline icon is 32×32 and white on transparent. "White" is checked per pixel: a pixel
// is either fully transparent or pure white; antialiasing lives in the alpha channel only.
"use strict";

const RULES = {
  color: { width: 192, height: 192 },
  outline: { width: 32, height: 32 },
};

/** Problems of one icon, given its role in the manifest ("color" or "outline") and its pngFacts. */
function iconProblems(role, facts) {
  if (facts.error) return [facts.error];
  const rule = RULES[role];
  const problems = [];
  if (facts.width !== rule.width || facts.height !== rule.height) {
    problems.push(`is ${facts.width}×${facts.height}, the ${role} icon must be ${rule.width}×${rule.height}`);
  }
  if (role === "color" && facts.transparent + facts.partlyTransparent > 0) {
    problems.push(`has ${facts.transparent + facts.partlyTransparent} (partly) transparent pixels, the color icon must be a full square`);
  }
  if (role === "outline" && facts.other > 0) {
    const { x, y, rgba } = facts.firstOther;
    problems.push(`has ${facts.other} pixels that are neither transparent nor white, e.g. (${x},${y}) rgba(${rgba.join(",")}); the outline icon must be white on transparent`);
  }
  if (role === "outline" && facts.white === 0) {
    problems.push("has no white pixels: the outline icon would be invisible");
  }
  return problems;
}

module.exports = { RULES, iconProblems };
