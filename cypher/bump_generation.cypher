// The change counter: the clock in milliseconds, or one more than before if the clock has not
// moved on. It never repeats a value, even after the store lost writes and came back older, so
// no cache can take an answer computed before such a rollback for a current one.
MERGE (m:Meta {id: 'graph'})
SET m.generation = CASE WHEN timestamp() > coalesce(m.generation, 0) THEN timestamp()
                        ELSE m.generation + 1 END
