/**
 * One text field of a posted form, whether it came url-encoded (a string) or as multipart (`{ value }`, with
 * attachFieldsToBody). Missing or repeated fields become '' or the first value; never undefined.
 */
export function formField(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return first;
  if (
    first &&
    typeof first === 'object' &&
    'value' in first &&
    !('toBuffer' in first && 'filename' in first)
  ) {
    return String((first as { value: unknown }).value ?? '');
  }
  return '';
}

/** True when a checkbox was ticked (browsers send the field only then). */
export function formChecked(body: unknown, name: string): boolean {
  return formField(body, name) !== '';
}

export type UploadedFile = { filename: string; mimetype: string; toBuffer(): Promise<Buffer> };

/** The uploaded file of a multipart form, or null when none (or an empty one) was chosen. */
export function formFile(body: unknown, name: string): UploadedFile | null {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (first && typeof first === 'object' && 'toBuffer' in first && 'filename' in first) {
    const file = first as UploadedFile;
    return file.filename ? file : null;
  }
  return null;
}
