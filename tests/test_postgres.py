"""PostgreSQL as the database: the driver is optional, and its absence is one plain sentence."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_postgres_url_without_psycopg_installed_is_one_sentence_and_exit_2(tmp_path):
    # An operator points database.url at PostgreSQL but installed the program without the postgres extra.
    config = tmp_path / "config.toml"
    config.write_text(textwrap.dedent("""\
        [people]
        manager = "manager@example.org"
        chair = "chair@example.org"
        [database]
        url = "postgresql+psycopg://intake@db.example.org/intake"
        """))
    hide_psycopg = ("import sys; sys.modules['psycopg'] = None; from intake.cli.program import main; "
                    f"sys.exit(main(['--config', {str(config)!r}, 'referrals']))")
    done = subprocess.run([sys.executable, "-c", hide_psycopg], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "ModuleNotFoundError" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "psycopg" in lines[0] and "referral-intake[postgres]" in lines[0], done.stderr
