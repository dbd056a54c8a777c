// `npm run build` writes dist/custom-elements.json (package.json "customElements"), which
// editors and Storybook read for the elements' attributes, properties, events, slots, parts
// and CSS properties, from their JSDoc.

/** Lit's internal reactive state (`state: true` in `static properties`) is no attribute; events dispatched as class instances with no name are the typed events the JSDoc names already. */
function dropInternals() {
  const state = new Set();
  return {
    name: 'yinyom-drop-internals',
    analyzePhase({ ts, node }) {
      if (!ts.isPropertyDeclaration(node) || node.name.getText() !== 'properties' || !node.initializer || !ts.isObjectLiteralExpression(node.initializer)) return;
      for (const property of node.initializer.properties) {
        const options = ts.isPropertyAssignment(property) ? property.initializer : undefined;
        if (options && ts.isObjectLiteralExpression(options) && /\bstate:\s*true\b/.test(options.getText())) state.add(property.name.getText());
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of customElementsManifest.modules.flatMap((module) => module.declarations ?? [])) {
        if (declaration.attributes) declaration.attributes = declaration.attributes.filter((attribute) => !state.has(attribute.fieldName ?? attribute.name));
        if (declaration.members) declaration.members = declaration.members.filter((member) => !state.has(member.name));
        if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
      }
    },
  };
}

export default {
  globs: ['src/ui/*/yinyom-*.ts'],
  exclude: ['src/ui/*/*.styles.ts'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
  plugins: [dropInternals()],
};
