// Control characters nobody types on purpose (NUL, escape sequences, C1 codes)
// are removed before text is stored, so names and reasons show and export as
// they read. Pure: used by the body reader, uploads and the audit trail.

// eslint-disable-next-line no-control-regex -- control characters are exactly what these remove
const CONTROLS_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const ALL_CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/** Multi-line text (a reason, a description): control characters removed, tabs and line breaks kept. */
export function stripControls(text: string) {
  return text.replace(CONTROLS_BUT_LINE_BREAKS, "");
}

/** One-line text (a file name): every control character removed, line breaks included. */
export function cleanLine(text: string) {
  return text.replace(ALL_CONTROLS, "");
}
