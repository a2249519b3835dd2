// ESLint rule `modules/boundaries`: the module boundary rule of boundary.js, on every import of a file
// under src/. Imports listed in known-violations.js are the ones still being removed.
import path from 'node:path';
import { boundaryViolation, rel } from './boundary.js';
import { knownViolations } from './known-violations.js';

const known = new Set(knownViolations);

const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'A module is used through its index.ts; src/platform/ imports nothing from modules/ (docs/development.md).' },
    schema: [],
  },
  create(context) {
    const importer = path.resolve(context.filename);
    const check = (source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = path.resolve(path.dirname(importer), source.value);
      const why = boundaryViolation(importer, target);
      if (why !== null && !known.has(`${rel(importer)} -> ${rel(target)}`)) context.report({ node: source, message: why });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default { rules: { boundaries } };
