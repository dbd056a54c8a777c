const THAI_ZERO = 0x0e50;

/** Arabic digits for Thai ones (๒๕๖๕ → 2565); other characters are kept. */
export function arabicDigits(text) {
  return text.replace(/[๐-๙]/g, (digit) => String(digit.charCodeAt(0) - THAI_ZERO));
}
