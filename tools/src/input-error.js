/** A problem with what the user gave (a file, a URL, an option): printed as a sentence, never as a stack trace. */
export class InputError extends Error {}
