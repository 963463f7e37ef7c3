// Derives functions.zh-cn.json from the generated functions.json and the translation
// table in src/functions/zh-cn.json. Ids and parameter names stay the same in every
// language (docs/reference/functions.md); only names and descriptions change. Excel rejects a name that
// does not start with a letter or is shorter than 3 characters, so those fail the build.

/** A custom-function name Excel accepts: starts with a letter (CJK counts), ≥ 3 characters, letters/digits/._ */
function isValidFunctionName(name) {
  return typeof name === "string" && /^\p{L}[\p{L}\p{N}._]{2,}$/u.test(name);
}

/**
 * @param {object} metadata parsed functions.json ({ functions: [...] })
 * @param {object} translations { ID: { name, description, parameters: { param: description } } }
 * @returns {{ json: object, problems: string[] }}
 */
function deriveLocalizedMetadata(metadata, translations) {
  const problems = [];
  const seen = new Set();
  const functions = metadata.functions.map((fn) => {
    const tr = translations[fn.id];
    if (!tr) {
      problems.push(`${fn.id}: no zh-CN translation in src/functions/zh-cn.json`);
      return fn;
    }
    if (!isValidFunctionName(tr.name)) {
      problems.push(`${fn.id}: zh-CN name "${tr.name}" must start with a letter and have at least 3 characters`);
    }
    if (seen.has(tr.name)) problems.push(`${fn.id}: zh-CN name "${tr.name}" is used twice`);
    seen.add(tr.name);
    const parameters = (fn.parameters || []).map((p) => {
      const description = tr.parameters && tr.parameters[p.name];
      if (!description) problems.push(`${fn.id}: no zh-CN description for parameter "${p.name}"`);
      return { ...p, description: description || p.description };
    });
    // Chinese Excel opens the Chinese page of the guide.
    const helpUrl = fn.helpUrl ? { helpUrl: fn.helpUrl.replace("/docs/en/", "/docs/zh/") } : {};
    return { ...fn, name: tr.name, description: tr.description || fn.description, parameters, ...helpUrl };
  });
  for (const id of Object.keys(translations)) {
    if (!metadata.functions.some((fn) => fn.id === id)) problems.push(`${id}: translated but not a custom function`);
  }
  return { json: { ...metadata, functions }, problems };
}

module.exports = { deriveLocalizedMetadata, isValidFunctionName };
