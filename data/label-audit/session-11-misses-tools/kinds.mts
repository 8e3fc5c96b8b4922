// The project's URL heuristic page kind (tools/lib/page-kind.ts) for every page: what --breakdown prints, without a second CV run.
import { readFileSync } from 'node:fs';
import { pageKind } from '/work/main/tools/lib/page-kind';
const cv = JSON.parse(readFileSync('/work/miss20/cv.json', 'utf8'));
console.log(JSON.stringify(Object.fromEntries(Object.entries(cv.urls as Record<string, string>).map(([s, u]) => [s, pageKind(u, s)]))));
