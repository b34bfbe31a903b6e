"""Pure functions over Arabic text: normalization, tokens, sentences, dates."""
