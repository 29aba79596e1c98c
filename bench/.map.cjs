const { SourceMapConsumer } = require('/work/main/node_modules/.pnpm/source-map-js@1.2.4/node_modules/source-map-js');
const fs = require('fs');
const map = new SourceMapConsumer(JSON.parse(fs.readFileSync(process.env.MAP || 'packages/embed/dist/intake.js.map', 'utf8')));
for (const arg of process.argv.slice(2)) { const [l, c] = arg.split(':').map(Number); const p = map.originalPositionFor({ line: l + 1, column: c }); console.log(arg, p.source?.split('/').slice(-2).join('/'), p.line, p.name); }
