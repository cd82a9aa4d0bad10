"""Collections: the namespace, a collection handle and its sub-namespaces."""
