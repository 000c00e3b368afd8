import { registerDecorator, type ValidationOptions } from 'class-validator';

// A form's wording is plain text: it is printed into the signed PDF and shown to the patient as text,
// never as markup. Anything that reads as markup is refused rather than escaped, so that what the
// privacy officer sees on publishing is what the patient reads: an HTML tag (a script, an image),
// a Markdown image, or a script or data URL.
const MARKUP = /<\s*\/?\s*[a-z!?]|!\[[^\]]*\]\(|\b(?:java|vb)script\s*:|\bdata:[a-z]+\/[a-z0-9.+-]+[;,]/i;

/** Whether `value` is text without markup (see MARKUP). */
export function isPlainText(value: unknown): boolean {
  return typeof value === 'string' && !MARKUP.test(value);
}

/** Plain text: no HTML tag, Markdown image, or script or data URL. */
export function IsPlainText(options?: ValidationOptions): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'isPlainText',
      target: target.constructor,
      propertyName: String(property),
      options: {
        message: `${String(property)} must be plain text: no HTML, script, image or data URL`,
        ...options,
      },
      validator: { validate: (value: unknown) => value === null || value === undefined || isPlainText(value) },
    });
}
