import type { KeyboardEvent } from 'react';

/**
 * for a form of many fields: Enter in a one-line input (a date, a number, a text) does not submit the whole form,
 * as browsers otherwise do. Pickers still take the Enter (this runs after them, as the event bubbles to the form),
 * text areas keep their new lines, and the submit button still submits. Clerks press Enter to confirm a typed date.
 */
export function noImplicitSubmit(e: KeyboardEvent<HTMLFormElement>): void {
  if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
}
