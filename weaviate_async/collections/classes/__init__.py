"""The models of collections (configuration, data, filters, search inputs and results), at the
official ``weaviate.collections.classes`` paths that programs import types from.

Each submodule re-exports our objects under the official module path; the implementations
live in :mod:`weaviate_async.classes` and :mod:`weaviate_async.outputs`.
"""
