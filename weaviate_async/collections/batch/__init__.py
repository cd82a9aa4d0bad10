"""Batch ingestion: ``client.batch`` and ``collection.batch`` (see :mod:`.wrapper`), the batch
objects they yield (:mod:`.base`), and the engine behind them (:mod:`.engine`)."""
