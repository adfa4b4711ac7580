// The graph's write counter: readers compare it to decide whether a cached answer still holds.
MATCH (c:GuanxiCounter {id: 'graph'})
RETURN c.generation AS generation
