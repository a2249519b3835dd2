// The module boundary rule, shared by the lint rule (eslint-plugin.js) and the graph check (graph.js).
//
// src/modules/<name>/ is a module. Its public face is its index.ts; everything else in the folder
// (tables, repositories, internals) is private to it. src/platform/ is the shared core and imports
// nothing from modules/. The rest of src/ (app.ts, schema.ts, cli, seed) composes the app from the
// modules' public faces, their route registrations (*.routes.ts) and CLI commands (*.command(s).ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const srcRoot = path.join(repoRoot, 'src');

/** 'platform', a module's folder name, 'app' for the rest of src/, or null outside src/. */
export function ownerOf(file) {
  const relative = path.relative(srcRoot, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const [top, name] = relative.split(path.sep);
  if (top === 'platform') return 'platform';
  if (top === 'modules' && name && relative.split(path.sep).length > 2) return name;
  return 'app';
}

export const isTablesFile = (file) => file.endsWith('.tables.ts');
const isSchemaAssembly = (file) => file === path.join(srcRoot, 'schema.ts');

/**
 * Why importing `target` from `importer` breaks the rule, or null when it is allowed. Both are
 * absolute paths.
 */
export function boundaryViolation(importer, target) {
  const from = ownerOf(importer);
  const to = ownerOf(target);
  if (from === null || to === null || from === to || to === 'platform' || to === 'app') {
    if (from !== null && from !== 'app' && from !== 'platform' && to === 'app') {
      return `a module imports nothing from the app that composes it (${rel(target)}); move what it needs to src/platform/`;
    }
    return null;
  }
  if (from === 'platform') return `src/platform/ imports nothing from modules/ (${rel(target)})`;
  if (path.basename(target) === 'index.ts' && path.dirname(target) === path.join(srcRoot, 'modules', to)) return null;
  // The app registers each module's routes and CLI commands; keeping them out of index.ts means
  // that using a module never loads its routes.
  if (from === 'app' && /\.(routes|commands?)\.ts$/.test(target)) return null;
  // A foreign key names the referenced table's column: one database schema, declared per owner.
  if (isTablesFile(importer) && isTablesFile(target)) return null;
  // Where the app is composed, the database schema is assembled from every module's tables.
  if (isSchemaAssembly(importer) && isTablesFile(target)) return null;
  return `${rel(target)} is private to the ${to} module; use what src/modules/${to}/index.ts exports (add the export there if it belongs to its public face)`;
}

export const rel = (file) => path.relative(repoRoot, file).split(path.sep).join('/');

/** Whether this import is a module-level dependency edge (foreign keys and schema assembly are not). */
export function isDependencyEdge(importer, target) {
  return !(isTablesFile(importer) && isTablesFile(target)) && !isSchemaAssembly(importer);
}
