// The NPMI of every co-occurrence, stored on the edge so that Cypher can filter on r.npmi. It
// depends on the corpus's total of sentences, which every write moves, so it is recomputed after
// each write. The same formula as guanxi.graph.build.npmi: log(p(ab) / (p(a) p(b))) / -log(p(ab)),
// clipped to [-1, 1], rounded to 4 places.
MATCH (d:Document)
WITH toFloat(sum(d.sentences)) AS n
MATCH (a:Entity)-[r:CO_OCCURS]->(b:Entity)
WITH r, n, toFloat(r.weight) / n AS pab, toFloat(a.sentences) / n AS pa, toFloat(b.sentences) / n AS pb
SET r.npmi = CASE
    WHEN n = 0 OR pab = 0 OR pa = 0 OR pb = 0 THEN -1.0
    WHEN pab >= 1.0 THEN 1.0
    ELSE round(10000 * CASE
        WHEN log(pab / (pa * pb)) / -log(pab) > 1.0 THEN 1.0
        WHEN log(pab / (pa * pb)) / -log(pab) < -1.0 THEN -1.0
        ELSE log(pab / (pa * pb)) / -log(pab) END) / 10000
    END
