/** The fixed reply of bench/http.ts's ceiling server, which its load generator checks byte for byte as it checks real answers. */
export const CEILING_REPLY = Buffer.from(JSON.stringify({ type: 4, data: { content: 'ok' } }));
