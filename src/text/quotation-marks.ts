/**
 * A span cut from an article can start or end inside a quotation (“grateful to “our partners …”).
 * For reading, the marks are completed at the span's ends so every opening mark closes and every
 * closing mark was opened; the span itself stays verbatim wherever it is stored or compared.
 */
export function balanceQuotationMarks(text: string): string {
  let open = 0;
  let closedUnopened = 0;
  for (const char of text) {
    if (char === '“') open++;
    else if (char === '”') {
      if (open > 0) open--;
      else closedUnopened++;
    }
  }
  let balanced = `${'“'.repeat(closedUnopened)}${text}${'”'.repeat(open)}`;
  // Straight marks do not say which way they face: a lone one that opens words (no letter before it) is closed at the end, else opened at the start.
  const straight = [...balanced.matchAll(/"/g)];
  if (straight.length % 2 === 1) {
    const lone = straight[straight.length - 1]?.index ?? 0;
    const opens = /[\p{L}\p{N}]/u.test(balanced.charAt(lone + 1)) && !/[\p{L}\p{N}.,!?]/u.test(balanced.charAt(lone - 1));
    balanced = opens ? `${balanced}"` : `"${balanced}`;
  }
  return balanced;
}
