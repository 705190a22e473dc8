"""The annual report: ``figures`` gathers the facts and computes the counts (agencies as partner agencies or
categories: ``agencies``); ``tables`` lays them out and suppresses small numbers once, audited by ``disclosure``
(a linear-programming attack on everything the report publishes); ``narrative`` writes the sentences and the
glossary from the tables as shown; ``charts`` draws them (matplotlib, imported only when a chart is drawn; scipy
likewise only when a report is audited).

It may use ``notifier`` (the working calendar), ``store`` and the small modules; never ``duties``,
``pipeline``, ``service``, ``cli`` or ``demo``.
"""
