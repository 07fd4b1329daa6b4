// An object as pretty-printed JSON text, one top-level array item at a time:
// a large plan's check or a portfolio of a thousand plans prints tens of
// megabytes, which need not be one string in memory. The pieces, each printed
// on its own line, read back exactly as `JSON.stringify(value, null, 2)`.

export function* jsonChunks(whole: Record<string, unknown>): Generator<string> {
  const keys = Object.keys(whole);
  yield '{';
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const value = whole[key];
    const comma = k < keys.length - 1 ? ',' : '';
    if (!Array.isArray(value) || value.length === 0) {
      yield `  ${JSON.stringify(key)}: ${indent(JSON.stringify(value, null, 2), '  ')}${comma}`;
      continue;
    }
    yield `  ${JSON.stringify(key)}: [`;
    for (let i = 0; i < value.length; i++) yield `    ${indent(JSON.stringify(value[i], null, 2), '    ')}${i < value.length - 1 ? ',' : ''}`;
    yield `  ]${comma}`;
  }
  yield '}';
}

function indent(text: string, by: string): string {
  return text.replace(/\n/g, `\n${by}`);
}
