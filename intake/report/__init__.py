"""The annual report: ``figures`` gathers the facts and computes the tables (suppressing small numbers once);
``charts`` draws them (matplotlib, imported only when a chart is drawn).

It may use ``notifier`` (the working calendar), ``store`` and the small modules; never ``duties``,
``pipeline``, ``service``, ``cli`` or ``demo``.
"""
