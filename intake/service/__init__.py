"""The running service: the jobs the command line and the scheduler start.

``services`` builds the pipeline's services from a Config (the one place that picks the adapters) and offers
``poll_and_deliver`` and ``deliver`` (``alongside``: the process `intake poll --once` forks to deliver the outbox
while it polls); ``remind`` is one clock round (what is due becomes outbox rows, then
delivery); ``scheduler`` runs both on their intervals under leases; ``reprocess``, ``checks`` and ``status`` are
the operator's jobs. It may use ``config``, ``pipeline``, ``duties``, ``report``, ``notifier``, ``store``,
``mailbox`` and the small modules below them; never ``cli`` or ``demo``.
"""
