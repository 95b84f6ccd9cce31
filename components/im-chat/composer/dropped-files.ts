// Apart from attach.ts: the composer needs this on every paste and drop, attach.ts only once a file is sent (it loads with chat-extras.ts).

/** Files from a paste or a drop (ignores text and other items). */
export function filesOf(data: DataTransfer | null): File[] {
  if (!data) return [];
  const files = [...data.files];
  if (files.length) return files;
  return [...data.items].flatMap((item) => (item.kind === 'file' ? [item.getAsFile()].filter((f): f is File => !!f) : []));
}
