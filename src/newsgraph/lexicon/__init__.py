"""Shared word knowledge: what readers and extraction both know about the words of news.

Word lists, gazetteers and patterns are data in ``data/`` (read once by
:mod:`.wordlists`); the modules here answer questions about words and lines with them:

- :mod:`.gazetteer` countries, capitals, cities, regions, well-known organisations;
- :mod:`.outlets` news outlets and their canonical names;
- :mod:`.bylines` bylines and authors' names, biographies;
- :mod:`.credits` photo, agency and source credits;
- :mod:`.names` titles, honorifics, given names and their gender, organisation words;
- :mod:`.language` whether a text is English enough for the English word lists;
- :mod:`.written_dates` dates as a page writes them ("June 16, 2021", "Updated 3 hours ago");
- :mod:`.lines` the shapes of lines (a sentence, a headline, a subheading, a standfirst);
- :mod:`.furniture` page furniture, and whether a line may be a headline.

It imports nothing of newsgraph but the model: readers may use it without importing
extraction (see docs/architecture.md).
"""
