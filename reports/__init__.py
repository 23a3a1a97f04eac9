"""Notice letters and reports: ReportLab PDFs (and editable .docx) built from a ``Deal``.

Nothing in ``rra_desktop`` imports this package; the entry point forwards the ``notice`` and
``report`` commands here, and the GUI's letter dialogs (``ui/letters``) call it.
"""
