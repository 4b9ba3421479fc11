"""The analysis stages, one module each: ingest, clean, segment, areas, summarize, quotes, glossary."""
