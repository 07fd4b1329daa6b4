// What HtmlService and google.script.run do to what crosses them, as far as
// Google documents it or the public reports show it (each point cited in
// docs/sheets.md): the rewrite of inline scripts that cuts at `//` and `/*`,
// and the rule for which values may cross google.script.run.

/**
 * The reported rewrite of a served page's inline scripts: `//` is taken for a
 * line comment wherever it is, inside a string, template or regex literal too,
 * and the rest of its line is dropped; `/*` likewise up to the next `*\/`
 * (tanaikech/A2UI-for-Google-Apps-Script#2, enuchi/React-Google-Apps-Script#157).
 * Google does not document the rewrite; its exact rules are inferred from
 * those reports, and this reproduction is the harshest reading of them.
 */
export function servedByHtmlService(html: string): string {
  return html.replace(/(<script\b[^>]*>)([\s\S]*?)(<\/script>)/gi, (_all, open: string, body: string, close: string) => open + commentsCut(body) + close);
}

function commentsCut(script: string): string {
  let out = '';
  let i = 0;
  while (i < script.length) {
    if (script.startsWith('//', i)) {
      const end = script.indexOf('\n', i);
      i = end < 0 ? script.length : end;
    } else if (script.startsWith('/*', i)) {
      const end = script.indexOf('*/', i + 2);
      i = end < 0 ? script.length : end + 2;
    } else {
      out += script[i++];
    }
  }
  return out;
}

/**
 * google.script.run's rule for parameters and return values: primitives and
 * null, and objects and arrays made of them; "Requests fail if you attempt to
 * pass a Date, Function, DOM element besides a form, or other prohibited type,
 * including prohibited types inside objects or arrays. Objects that create
 * circular references will also fail" (developers.google.com/apps-script/guides/html/reference/run
 * and .../guides/html/communication). Throws, naming the path, where JSON would
 * have passed something else silently.
 */
export function assertLegalOverScriptRun(value: unknown, path = 'value', seen = new Set<unknown>()): void {
  if (value === null || value === undefined) return;
  const type = typeof value;
  if (type === 'string' || type === 'boolean') return;
  if (type === 'number') return;
  if (type === 'function') throw new Error(`google.script.run cannot carry a function (${path}).`);
  if (type !== 'object') throw new Error(`google.script.run cannot carry a ${type} (${path}).`);
  if (Object.prototype.toString.call(value) === '[object Date]') throw new Error(`google.script.run cannot carry a Date (${path}); send its text or number instead.`);
  if (seen.has(value)) throw new Error(`google.script.run cannot carry a circular reference (${path}).`);
  seen.add(value);
  if (Array.isArray(value)) value.forEach((v, i) => assertLegalOverScriptRun(v, `${path}[${i}]`, seen));
  else {
    const proto = Object.getPrototypeOf(value);
    if (proto !== null && Object.getPrototypeOf(proto) !== null) throw new Error(`google.script.run carries plain objects only (${path} is a ${String(proto?.constructor?.name)}).`);
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) assertLegalOverScriptRun(v, `${path}.${k}`, seen);
  }
  seen.delete(value);
}

/** A value as it arrives on the other side: a copy; undefined fields within arrays become null (same pages). */
export function overScriptRun<T>(value: T, path: string): T {
  assertLegalOverScriptRun(value, path);
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
