const LEFT_DOUBLE = 0x201c;
const RIGHT_DOUBLE = 0x201d;

/**
 * A span cut from an article can start or end inside a quotation (“grateful to “our partners …”).
 * For reading, the marks are completed at the span's ends so every opening mark closes and every
 * closing mark was opened; the span itself stays verbatim wherever it is stored or compared.
 */
export function balanceQuotationMarks(text: string): string {
  let open = 0;
  let closedUnopened = 0;
  // By UTF-16 unit, not by code point: the curly marks are never half of a surrogate pair, and no iterator is made (a reply balances every quote it shows).
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LEFT_DOUBLE) open++;
    else if (code === RIGHT_DOUBLE) {
      if (open > 0) open--;
      else closedUnopened++;
    }
  }
  let balanced = open === 0 && closedUnopened === 0 ? text : `${'“'.repeat(closedUnopened)}${text}${'”'.repeat(open)}`;
  // Straight marks do not say which way they face: a lone one that opens words (no letter before it) is closed at the end, else opened at the start.
  let straight = 0;
  let lone = -1;
  for (let at = balanced.indexOf('"'); at !== -1; at = balanced.indexOf('"', at + 1)) {
    straight++;
    lone = at;
  }
  if (straight % 2 === 1) {
    const opens = /[\p{L}\p{N}]/u.test(balanced.charAt(lone + 1)) && !/[\p{L}\p{N}.,!?]/u.test(balanced.charAt(lone - 1));
    balanced = opens ? `${balanced}"` : `"${balanced}`;
  }
  return balanced;
}
