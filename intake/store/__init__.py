"""The store: what is kept, and where.

``models`` holds every table (SQLModel), ``db`` the engine and the Alembic ``migrations``, ``leases`` the work
leases that keep two workers off the same job, ``case_numbers`` the case numbers PostgreSQL workers hand out, ``storage`` the file store for attachments, and ``attention`` the
pure queries for what in the inbound mail needs a person's eye. It may use ``errors`` only (and the libraries):
every other layer may use it.
"""
