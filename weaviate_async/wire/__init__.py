"""Request builders and reply parsers: pure functions between public models and the wire.

Nothing here does I/O. ``values`` converts vectors and property values, ``batch`` builds batch
requests and reads their replies, ``search`` builds search requests (one shared argument handler
for every search kind) and reads search replies.
"""
