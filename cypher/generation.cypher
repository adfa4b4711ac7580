// The graph's write counter: readers compare it to decide whether a cached answer still holds.
MATCH (m:Meta {id: 'graph'})
RETURN m.generation AS generation
