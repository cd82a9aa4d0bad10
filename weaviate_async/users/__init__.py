"""Users: ``client.users`` (:mod:`weaviate_async.users.namespace`) and the user models
(:mod:`weaviate_async.users.users`)."""
