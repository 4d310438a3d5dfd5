"""Demo content for `manage.py demo_content`: four editions of an invented news agency.

The words live in data/*.toml (one articles file per language, written in parallel);
text.py composes articles from them, images.py draws pictures, build.py puts it all in
the database.
"""
