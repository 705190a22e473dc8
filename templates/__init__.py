"""Jinja2 templates, one per message kind and audience: <audience>/<kind>.txt.j2 and .html.j2.

The first line of each .txt.j2 is ``Subject: ...``; the rest is the body.
"""
