"""The models shared by the wire layer and the namespaces, below both: the collection scope,
and the models of the admin areas (backup, cluster and nodes, roles and users, export,
aliases, tokenization, shards, debug reads).

``wire/`` builds requests from them and parses replies into them; the namespaces (``backup/``,
``cluster/``, ``rbac/`` ...) sit above ``wire/`` and use both. Programs import them from the
official paths (``weaviate_async.backup.backup``, ``weaviate_async.rbac.models``,
``weaviate_async.classes.rbac`` ...), which re-export these objects.
"""
