/** A unique clientMsgID: 32 hex characters from the platform's CSPRNG. */
export function newClientMsgID(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
