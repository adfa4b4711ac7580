// The change counter: the clock in milliseconds, or one more than before if the clock has not
// moved on. It never repeats a value, even after the store lost writes and came back older, so
// no cache can take an answer computed before such a rollback for a current one. It lives on a
// node labelled GuanxiCounter, which is no entity; releases before 0.2 called it :Meta, and the
// first write of this one removes that node.
MERGE (c:GuanxiCounter {id: 'graph'})
SET c.generation = CASE WHEN timestamp() > coalesce(c.generation, 0) THEN timestamp()
                        ELSE c.generation + 1 END
WITH c
OPTIONAL MATCH (old:Meta {id: 'graph'})
DELETE old
