"""Groups: ``client.groups`` (:mod:`weaviate_async.groups.namespace`)."""
