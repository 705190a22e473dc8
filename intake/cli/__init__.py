"""The command line: argparse wiring only, one module per command group.

``program`` builds the root parser, configures logging and dispatches (``intake = intake.cli.program:main``, and
``python -m intake``); ``actions``, ``db``, ``deadlines``, ``outbox``, ``report`` and ``review`` each register one
command group and print its results; ``invocation`` says how this program was run, for printed hints. The
command groups may use every layer below (``service``, ``config``, ``duties``, ``report``, ``notifier``, ``store``,
...); only ``program`` may use ``demo``, which itself reuses the command groups' printing.
"""
