// Prints the person first names (or last names) of @faker-js/faker's locale data, one a line.
// Provenance for gen_given_names.py, not a build step.
// Usage: node faker_names.mjs PACKAGE_DIR first|last LOCALE...
//   PACKAGE_DIR: the untarred `npm pack @faker-js/faker@10.6.0` (its package/ folder).
import path from "node:path";
import { pathToFileURL } from "node:url";

const [packageDir, kind, ...locales] = process.argv.slice(2);
if (!packageDir || !["first", "last"].includes(kind) || locales.length === 0) {
  console.error("usage: node faker_names.mjs PACKAGE_DIR first|last LOCALE...");
  process.exit(2);
}
const names = new Set();
for (const locale of locales) {
  const file = path.join(path.resolve(packageDir), "dist", "locale", `${locale}.js`);
  const module = await import(pathToFileURL(file).href);
  const faker = module.faker ?? Object.values(module).find((value) => value?.rawDefinitions);
  const lists = faker.rawDefinitions.person?.[kind === "first" ? "first_name" : "last_name"];
  // A list is either flat or split by sex ({female: [...], male: [...], generic: [...]}).
  const flat = Array.isArray(lists) ? lists : Object.values(lists ?? {}).flat();
  for (const name of flat) names.add(name);
}
console.log([...names].sort().join("\n"));
