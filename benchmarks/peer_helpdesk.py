"""The peer: django-helpdesk's `get_email` over the same mailbox, run with the peer's own interpreter.

    VENV/bin/python benchmarks/peer_helpdesk.py WORKDIR IMAP_PORT IMAP_USER IMAP_PASSWORD SMTP_PORT SMTP_USER SMTP_PASSWORD CAFILE

Imports nothing of this project (it runs in a separate virtual environment with django-helpdesk installed;
benchmarks/ingest.py --peer VENV starts it). Sets up a throwaway Django project in WORKDIR (SQLite, the helpdesk's
own migrations, one queue reading the IMAP inbox on loopback, acknowledgements sent through the SMTP server with
STARTTLS and AUTH), then times one `process_email()` (what `manage.py get_email` runs): a ticket per email and the
helpdesk's acknowledgement to the submitter, the mail deleted afterwards. Prints one line: `seconds N`.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def settings_module(work: Path, smtp_port: int, smtp_user: str, smtp_password: str) -> str:
    (work / "peer_urls.py").write_text(
        "from django.urls import include, path\n"
        "urlpatterns = [path('helpdesk/', include('helpdesk.urls', namespace='helpdesk'))]\n")
    (work / "peer_settings.py").write_text(f"""
SECRET_KEY = "benchmark"
DEBUG = False
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = ["django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",
                  "django.contrib.sessions", "django.contrib.messages", "django.contrib.staticfiles",
                  "django.contrib.sites", "django.contrib.humanize", "rest_framework", "helpdesk"]
SITE_ID = 1
ROOT_URLCONF = "peer_urls"
DATABASES = {{"default": {{"ENGINE": "django.db.backends.sqlite3", "NAME": {str(work / 'helpdesk.db')!r}}}}}
USE_TZ = True
TIME_ZONE = "Europe/London"
MEDIA_ROOT = {str(work / 'media')!r}
STATIC_URL = "/static/"
TEMPLATES = [{{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True,
               "OPTIONS": {{"context_processors": ["django.template.context_processors.request",
                                                  "django.contrib.auth.context_processors.auth",
                                                  "django.contrib.messages.context_processors.messages"]}}}}]
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = {smtp_port}
EMAIL_USE_TLS = True
EMAIL_HOST_USER = {smtp_user!r}
EMAIL_HOST_PASSWORD = {smtp_password!r}
DEFAULT_FROM_EMAIL = "LSCP Referrals <referrals@liverpool.gov.uk>"
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
HELPDESK_TEAMS_MODE_ENABLED = False   # teams need pinax-teams, which the helpdesk does not install
LOGGING = {{"version": 1, "disable_existing_loggers": False, "root": {{"level": "ERROR"}}}}
""")
    sys.path.insert(0, str(work))
    return "peer_settings"


def main(argv: list[str]) -> int:
    work, imap_port, imap_user, imap_password, smtp_port, smtp_user, smtp_password, cafile = argv
    work_dir = Path(work)
    work_dir.mkdir(parents=True, exist_ok=True)
    os.environ["SSL_CERT_FILE"] = cafile  # the test SMTP server's self-signed certificate (STARTTLS)
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module(work_dir, int(smtp_port), smtp_user, smtp_password)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    from helpdesk.email import process_email
    from helpdesk.models import Queue

    Queue.objects.create(title="Referrals", slug="referrals", email_address="referrals@liverpool.gov.uk",
                         allow_email_submission=True, email_box_type="imap", email_box_host="127.0.0.1",
                         email_box_port=int(imap_port), email_box_ssl=False, email_box_user=imap_user,
                         email_box_pass=imap_password, email_box_imap_folder="INBOX", email_box_interval=0,
                         logging_type="none")
    start = time.perf_counter()
    process_email(quiet=True)
    print(f"seconds {time.perf_counter() - start:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
