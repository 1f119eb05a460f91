"""Dateline: a static site generator for news archives.

The flow runs one way: seeds -> articles -> site model -> pages -> search.
Each stage is a module with a small public function:

- ``seeds.read_seed``        raw wire text -> ``Seed``
- ``extract.extract``        ``Seed`` -> ``Extraction`` (headline, people, places, ...)
- ``ingest.ingest``          seeds/ -> content/*.md (never overwriting a hand edit)
- ``content.read_article``   content/*.md -> ``Article``
- ``site.build_site``        articles -> ``Site`` (indexes by date, tag, person, place, org)
- ``render.render``          ``Site`` -> _site/ (Jinja2 templates)
- ``search.index``           _site/ -> Pagefind index
"""

__version__ = "0.1.0"
