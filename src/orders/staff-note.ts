/** Who on the staff did it: the staff member's id, kept in an order event's note with an optional text. */
export type StaffRef = { id: string; name: string };

/** The note of an event done by staff: `staff:<id>`, then the text, if any, after one space. */
export function staffNote(staff: Pick<StaffRef, 'id'>, text?: string | null): string {
  return text ? `staff:${staff.id} ${text}` : `staff:${staff.id}`;
}

/** Splits a note written by `staffNote`; other notes come back as text with no staff id. */
export function parseStaffNote(note: string | null): { staffId: string | null; text: string | null } {
  if (!note) return { staffId: null, text: null };
  // a note may go on after the id with a space or, where a payment's note is extended, with "; "
  const match = /^staff:([^\s;]+)(?:;? ([\s\S]*))?$/.exec(note);
  return match ? { staffId: match[1]!, text: match[2] ?? null } : { staffId: null, text: note };
}
