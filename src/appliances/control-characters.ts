/**
 * Any C0 or C1 control character, tab and line breaks included: what no one-line text of the appliance registry
 * may hold (a model, an alias, a label, a brand word, a lookup, a CSV cell). Multi-line notes allow tab and line
 * breaks: MULTI_LINE_CONTROL.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** Control characters less tab and line breaks: what multi-line notes (of an appliance or a variant) refuse. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
export const MULTI_LINE_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
