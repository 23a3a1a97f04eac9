"""The practice: every deal a user keeps, read together (the library and the agenda across deals).

``library`` finds the deal files in the folders and files given; ``agenda`` reads each deal's
deadlines (through ``cache``, keyed by the digest of the deal's audit trail) and lists every
overdue, due-soon and upcoming item of every deal in one list. Qt-free, like the rest of the core.
"""
