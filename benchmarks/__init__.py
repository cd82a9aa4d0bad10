"""Side-by-side benchmarks: this client against the official ``weaviate-client`` on the same
server in the same run, reported as ratios (ours / official; below 1 means we are faster)."""
