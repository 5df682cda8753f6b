"""Numbers and quantities in news text, pure functions with no spaCy: ``parse.parse_number`` reads
a number expression, ``lexicon`` holds the vocabulary and context patterns, ``forms`` the written
forms found before the main pass, ``units`` physical units (pint), ``context`` passes that read
around each quantity found, ``pairs`` ranges, scores and splits,
``reading`` one number match read into a quantity.
``pipeline.components.quantities.find_quantities`` runs them over a text."""
