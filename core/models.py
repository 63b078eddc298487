"""Core keeps no tables of its own (the cache table is made by `createcachetable`).
The module exists because Django sends `post_migrate` only to apps with a models
module, and core creates the content locales then (core/apps.py)."""
