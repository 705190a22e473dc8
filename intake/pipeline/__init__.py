"""The per-message pipeline: classify -> extract -> validate -> store -> acknowledge.

``poll_once`` runs it over what the mail source holds. One transaction per
message; the message is moved out of the inbox only after its outcome is
committed; a message whose processing raises is recorded as ``failed`` and
moved to the Failed folder, and the batch carries on.
"""

from intake.pipeline.runner import PollReport, Services, poll_once, process_message  # noqa: F401
