// Dumps slug → registrable domain (the project's own siteOf) for the whole-site analysis.
import { loadCorpus } from '/work/main/tools/lib/corpus';
import { siteOf } from '/work/main/tools/lib/training-set';
void (async () => { const pages = await loadCorpus('/work/main/data/corpus');
console.log(JSON.stringify(Object.fromEntries(pages.map((p) => [p.slug, siteOf(p)])))); })();
