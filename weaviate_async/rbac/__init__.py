"""Role-based access control: ``client.roles`` (:mod:`weaviate_async.rbac.roles`) and the
permission and role models (:mod:`weaviate_async.rbac.models`)."""
